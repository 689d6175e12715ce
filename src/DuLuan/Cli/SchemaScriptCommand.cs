using System.CommandLine;
using DuLuan.Data;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Cli;

/// <summary>
/// Prints the CREATE script EF derives from the current model for one provider. Developers diff it
/// against the migration scripts when they write the next one; the schema test does the same check.
/// </summary>
public static class SchemaScriptCommand
{
    public static Command Create()
    {
        var provider = new Option<DatabaseProvider>("--provider") { Description = "sqlite | postgres", DefaultValueFactory = _ => DatabaseProvider.Sqlite };
        var command = new Command("schema-script", "In lược đồ theo mô hình hiện tại (cho nhà phát triển) / Print the model's schema script (for developers)") { provider };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            using var db = ModelScript.CreateContext(parse.GetValue(provider));
            parse.InvocationConfiguration.Output.Write(db.Database.GenerateCreateScript());
            return 0;
        });
        return command;
    }
}
