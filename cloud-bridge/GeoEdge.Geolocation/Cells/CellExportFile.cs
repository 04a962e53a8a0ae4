using System.Buffers.Binary;
using System.IO.Compression;

namespace GeoEdge.Geolocation;

/// <summary>
/// Opens an OpenCellID / MLS export as it is downloaded: plain CSV, or gzip (told by the gzip magic, not the
/// name: both projects publish <c>.csv.gz</c>). The gzip data is inflated as it is read, never held whole,
/// and its end is checked against the length the gzip trailer promises (RFC 1952 ISIZE): .NET's GZipStream
/// simply stops at the end of a truncated file, and a download cut short must not import as if it were whole.
/// </summary>
public static class CellExportFile
{
    /// <exception cref="CellExportException">the file cannot be opened or is not a usable gzip file.</exception>
    public static Stream Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CellExportException(path, $"cannot be read: {e.Message}");
        }
        try
        {
            Span<byte> head = stackalloc byte[2];
            var gzip = file.Read(head) == 2 && head[0] == 0x1f && head[1] == 0x8b;
            file.Position = 0;
            if (!gzip) return file;
            if (file.Length < 18) throw new CellExportException(path, "truncated gzip file (shorter than a gzip header and trailer)");
            Span<byte> trailer = stackalloc byte[4];
            file.Seek(-4, SeekOrigin.End);
            file.ReadExactly(trailer);
            file.Position = 0;
            return new LengthCheckedGzipStream(path, file, BinaryPrimitives.ReadUInt32LittleEndian(trailer));
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Inflates, and at the end compares what came out with the trailer's length (mod 2^32).</summary>
    private sealed class LengthCheckedGzipStream(string path, FileStream file, uint promisedLength) : Stream
    {
        private readonly GZipStream _inflate = new(file, CompressionMode.Decompress, leaveOpen: false);
        private ulong _inflated;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int read;
            try
            {
                read = _inflate.Read(buffer);
            }
            catch (InvalidDataException e)
            {
                throw new CellExportException(path, $"broken gzip stream after {_inflated} inflated bytes: {e.Message}");
            }
            _inflated += (ulong)read;
            if (read == 0 && buffer.Length > 0 && (uint)_inflated != promisedLength)
                throw new CellExportException(path,
                    $"truncated or corrupt gzip file: {_inflated} bytes inflate, but its trailer promises {promisedLength} (mod 2^32); download it again (a file of several gzip members is not supported: gunzip it first)");
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => (long)_inflated; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inflate.Dispose();
            base.Dispose(disposing);
        }
    }
}
