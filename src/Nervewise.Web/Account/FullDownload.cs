using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Nervewise.Data;
using Nervewise.Data.Diary;
using Nervewise.Data.Export;
using Nervewise.Domain.Diary;
using Nervewise.Web.Export;
using Nervewise.Web.Infrastructure;

namespace Nervewise.Web.Account;

/// <summary>Everything stored about one person, in one zip: the diary as CSV, the record as FHIR, and the rest as JSON.</summary>
public sealed class FullDownload(NervewiseDbContext db, DiaryStore diary, FhirDownload fhir, TimeProvider clock, IHttpContextAccessor reader)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private const string ReadMe =
        """
        Your Nervewise data
        ===================

        nervewise-diary.csv           Every diary entry: pain, symptoms, activities, sleep, rehab sessions,
                                      flare-ups and check-ins. It can be imported again.
        nervewise-record.fhir.json    Your whole record as FHIR R4, the format health systems exchange:
                                      your answers to the assessment, your diary and your plan.
        nervewise-account.json        Your account, who you share your record with, each time a clinician
                                      opened it, their notes, and every change to your plan.

        """;

    public async Task<FileContentResult> ForAsync(string userId, CancellationToken cancellationToken)
    {
        var entries = await diary.EntriesAsync(userId, cancellationToken);
        var record = await fhir.ForAsync(userId, cancellationToken);
        var careTeam = await PersonalData.LoadAsync(db, userId, cancellationToken);

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "README.txt", Encoding.UTF8.GetBytes(ReadMe));
            Add(zip, "nervewise-diary.csv", Encoding.UTF8.GetBytes(DiaryCsv.Write(entries)));
            Add(zip, record.FileDownloadName, record.FileContents);
            Add(zip, "nervewise-account.json", JsonSerializer.SerializeToUtf8Bytes(careTeam, Json));
        }
        // The file is named for the person's own date, not UTC's (just after midnight in Berlin it is already tomorrow).
        var now = clock.GetUtcNow();
        var day = (reader.HttpContext?.User.Shown(now) ?? now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new FileContentResult(buffer.ToArray(), "application/zip") { FileDownloadName = $"nervewise-{day}.zip" };
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        stream.Write(content);
    }
}
