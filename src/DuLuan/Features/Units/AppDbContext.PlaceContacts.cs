using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Data;

public abstract partial class AppDbContext
{
    public DbSet<PlaceContact> PlaceContacts => Set<PlaceContact>();
}
