using System.Globalization;
using CsvHelper;
using LiveGrains.Contracts.Views;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace LiveGrains.Web.Export;

/// <summary>Writes the LIVE report row by row, so a report of 100,000 LIVEs never sits in memory.</summary>
public static class LiveReportWriter
{
    /// <summary>CSV (RFC 4180, invariant culture, header row).</summary>
    public static async Task WriteCsvAsync(Stream output, ExportColumns columns, IAsyncEnumerable<LiveSummary> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        await using var writer = new StreamWriter(output, leaveOpen: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var header in columns.Headers) csv.WriteField(header);
        await csv.NextRecordAsync();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var value in columns.Values(row)) csv.WriteField(value);
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
    }

    /// <summary>XLSX with one sheet, metric columns carrying the catalog's number formats.</summary>
    public static async Task WriteXlsxAsync(Stream output, ExportColumns columns, IAsyncEnumerable<LiveSummary> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var fixedCount = columns.Headers.Count - columns.Metrics.Count;
        var configuration = new OpenXmlConfiguration
        {
            DynamicColumns = columns.Metrics
                .Select((m, i) => new DynamicExcelColumn(columns.Headers[fixedCount + i]) { Format = ExportColumns.ExcelFormat(m), Width = 18 })
                .ToArray(),
        };
        // The spreadsheet writer pulls rows synchronously; the export runs on its own request thread, so blocking it is acceptable.
        var records = rows.ToBlockingEnumerable(cancellationToken).Select(row =>
        {
            var values = columns.Values(row);
            var record = new Dictionary<string, object?>(values.Length);
            for (var i = 0; i < values.Length; i++) record[columns.Headers[i]] = values[i];
            return record;
        });
        // MiniExcel needs a seekable stream to write the zip directory; buffer through a temp file, not memory.
        var path = Path.GetTempFileName();
        try
        {
            await using (var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await file.SaveAsAsync(records, sheetName: "LIVEs", excelType: ExcelType.XLSX, configuration: configuration, cancellationToken: cancellationToken);
            }
            await using var read = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);
            await read.CopyToAsync(output, cancellationToken);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
