using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Infrastructure.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Units;

public sealed class DetailsModel(AppDbContext db, UnitScope scope, UnitReorganisation reorganisation, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int MaxCandidates = 2000;

    /// <summary>The "Sáp nhập / chia tách" form: this unit and <see cref="Others"/> retire into <see cref="Successors"/>.</summary>
    public sealed class ReorganiseForm
    {
        public List<long> Others { get; set; } = [];

        public List<long> Successors { get; set; } = [];

        public string? EffectiveOn { get; set; }
    }

    [BindProperty]
    public ReorganiseForm Form { get; set; } = new();

    public bool CanReorganise { get; private set; }

    public List<Unit> SuccessorCandidates { get; private set; } = [];

    public List<Unit> OtherCandidates { get; private set; } = [];

    public List<(Unit Unit, DateOnly On)> Predecessors { get; private set; } = [];

    public List<(Unit Unit, DateOnly On)> Successors { get; private set; } = [];

    public sealed record MemberRow(string MemberId, string Name, string? Email, Role Role);

    public Unit Unit { get; private set; } = null!;

    public List<Unit> Ancestors { get; private set; } = [];

    public List<Unit> Children { get; private set; } = [];

    public List<MemberRow> Members { get; private set; } = [];

    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
        => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Records a merge (this unit and others into one) or a split (this unit into several), all or nothing.</summary>
    public async Task<IActionResult> OnPostReorganiseAsync(long id, CancellationToken ct)
    {
        ModelState.Clear();
        if (!await LoadAsync(id, ct) || !CanReorganise)
        {
            return NotFound();
        }

        var successors = Form.Successors.Distinct().ToList();
        var others = Form.Others.Distinct().Where(o => o != id).ToList();
        if (successors.Count == 0)
        {
            ModelState.AddModelError("Form.Successors", l["Units.Succession.NeedSuccessor"]);
        }
        else if (successors.Count > 1 && others.Count > 0)
        {
            ModelState.AddModelError("Form.Successors", l["Units.Succession.MergeOrSplit"]);
        }

        if (!UnitReorganisation.TryParseDay(Form.EffectiveOn, out var day))
        {
            ModelState.AddModelError("Form.EffectiveOn", l["Units.Succession.BadDate"]);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var steps = others.Prepend(id).SelectMany(u => successors.Select(s => new SuccessionStep(u, s, day))).ToList();
        var outside = false;
        var errors = await reorganisation.RecordAsync(steps, "form", (_, _) =>
        {
            outside = true;
            return new(0, string.Empty, new Message("Units.Succession.NoUnitHere"));
        }, ct);
        if (outside)
        {
            return NotFound();
        }

        if (errors.Count > 0)
        {
            foreach (var e in errors)
            {
                var (key, field) = e.Field switch
                {
                    "ngay_hieu_luc" => ("Form.EffectiveOn", "Units.Succession.EffectiveOn"),
                    "ma_don_vi_cu" => ("Form.Others", "Units.Succession.Field.Others"),
                    _ => ("Form.Successors", "Units.Succession.Field.Successors"),
                };
                var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
                ModelState.AddModelError(key, $"{l[field]}: {(english ? e.En : e.Vi)}");
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return Redirect($"/Units/Details?id={id}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var units = await scope.UnitsAsync(cancellationToken: ct);
        var unit = await units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return false;
        }

        Unit = unit;
        CanManage = await scope.CanAsync(Permission.ManageUnits, unit, ct);
        var ancestorIds = unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).Where(a => a != unit.Id).ToList();
        Ancestors = (await units.AsNoTracking().Where(u => ancestorIds.Contains(u.Id)).ToListAsync(ct)).OrderBy(u => u.Depth).ToList();
        Children = await units.AsNoTracking().Where(u => u.ParentId == id).OrderBy(u => u.NameFolded).Take(500).ToListAsync(ct);
        Members = await db.Memberships.AsNoTracking().Where(m => m.UnitId == id)
            .OrderBy(m => m.Member!.DisplayName)
            .Select(m => new MemberRow(m.MemberId, m.Member!.DisplayName, m.Member.Email, m.Role))
            .ToListAsync(ct);
        (Predecessors, Successors) = await reorganisation.LinksAsync(id, ct);
        CanReorganise = unit.ActiveTo is null && await reorganisation.CanRetireAsync(unit, ct);
        if (CanReorganise)
        {
            var manageable = (await reorganisation.ManageableAsync(ct)).AsNoTracking().Where(u => u.ActiveTo == null && u.Kind == unit.Kind && u.Id != unit.Id);
            var prefix = unit.Path;
            SuccessorCandidates = await manageable.Where(u => !u.Path.StartsWith(prefix)).OrderBy(u => u.Depth).ThenBy(u => u.NameFolded).Take(MaxCandidates).ToListAsync(ct);
            OtherCandidates = await manageable.Where(u => u.ParentId == unit.ParentId).OrderBy(u => u.NameFolded).Take(MaxCandidates).ToListAsync(ct);
        }

        return true;
    }
}
