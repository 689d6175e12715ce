using DuLuan.Infrastructure;

namespace DuLuan.Tests.Foundation;

public sealed class CsvRecordsTests
{
    [Fact]
    public void Quoted_cells_keep_separators_quotes_and_line_breaks_and_records_know_their_first_line()
    {
        var text = "ma;ten\r\n\r\n\"A;1\";\"dòng một\ndòng \"\"hai\"\"\"\rB;x\n\nC;";
        var records = CsvRecords.Read(text, ';');
        Assert.Equal(4, records.Count);
        Assert.Equal([1, 3, 5, 7], records.Select(r => r.Line));
        Assert.Equal(["ma", "ten"], records[0].Cells);
        Assert.Equal(["A;1", "dòng một\ndòng \"hai\""], records[1].Cells);
        Assert.Equal(["B", "x"], records[2].Cells);
        Assert.Equal(["C", string.Empty], records[3].Cells);
    }
}
