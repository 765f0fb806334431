using System.Data.Common;

namespace Nervewise.Data;

/// <summary>For the few reads done in plain ADO.NET on a context's connection (start-up checks, the timeline).</summary>
internal static class DbCommands
{
    /// <summary>Adds a parameter and gives back its name, for the SQL.</summary>
    public static string AddParameter(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return name;
    }
}
