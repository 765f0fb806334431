using Nervewise.Data.Fhir;

namespace Nervewise.Web.Fhir.Bulk;

public static class BulkExportServices
{
    /// <summary>The bulk export's store, runner and background worker.</summary>
    public static IServiceCollection AddBulkExport(this IServiceCollection services)
    {
        services.AddScoped<BulkExportStore>();
        services.AddScoped<BulkExportRunner>();
        services.AddSingleton<BulkExportSignal>();
        services.AddHostedService<BulkExportWorker>();
        return services;
    }
}
