import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file that ``ExportOutput`` streams in chunks (the one-file formats: up to 1.4 GB for CoNLL-U
/// at a million annotations), written past the page cache where the system allows it (Linux
/// `O_DIRECT`).
///
/// Written through the page cache, every byte was copied by the kernel into a freshly allocated
/// cache page (a quarter of the samples of a CoNLL-U export) and then written to disk by the
/// flush before the swap anyway. With direct I/O the disk takes the bytes from this file's own
/// buffer: they are gathered in an aligned buffer of ``capacity`` bytes and written in whole
/// blocks of ``block`` bytes at block-aligned offsets; the last bytes, less than a block, are
/// written through the cache once direct I/O is switched off for the descriptor (``close()``).
/// The file's bytes are the same either way. A direct write returns once the disk has the bytes:
/// the exporter's writing thread waits for the disk while the export runs, not at the flush.
///
/// Where the system has no direct I/O, or the file system refuses it (switching it on, or a write,
/// fails with `EINVAL`: some network and FUSE file systems, a larger block than ``block``), the
/// file is written through the cache as any other, from where its bytes end.
final class ExportStreamedFile {
    /// The file's descriptor.
    let descriptor: Int32
    /// Whether the bytes still go past the page cache.
    private(set) var isDirect: Bool
    /// Bytes gathered for the next direct write (nil when the file is not written directly).
    private var buffer: UnsafeMutableRawBufferPointer?
    /// How many bytes of ``buffer`` are gathered.
    private var filled = 0
    /// How many bytes were written to the file.
    private var written = 0

    /// The size and alignment of direct writes: the page size, a multiple of every common
    /// logical block size.
    static let block = 4096
    /// The bytes gathered before a direct write.
    static let capacity = 1 << 20

    /// The `O_DIRECT` flag of this system, or nil where there is none (its value differs between
    /// processor architectures, and the C library's header does not reach Swift).
    static var directFlag: Int32? {
        #if os(Linux)
            #if arch(x86_64) || arch(i386) || arch(s390x) || arch(riscv64)
                return 0o40000
            #elseif arch(arm64) || arch(arm)
                return 0o200000
            #elseif arch(powerpc64) || arch(powerpc64le)
                return 0o400000
            #else
                return nil
            #endif
        #else
            return nil
        #endif
    }

    /// Creates the file at `path` (it must not exist); with `direct`, past the page cache where
    /// the system and file system allow it. Nil when it cannot be created (`errno` says why).
    init?(creating path: String, direct: Bool = true) {
        let opened = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard opened >= 0 else { return nil }
        descriptor = opened
        // Direct I/O is switched on once the file is made: a file system without it refuses the
        // switch (`EINVAL`), where an `open` with the flag could make the file and then fail.
        let flags = fcntl(opened, F_GETFL)
        if direct, let directFlag = Self.directFlag, flags >= 0, fcntl(opened, F_SETFL, flags | directFlag) == 0 {
            isDirect = true
            buffer = .allocate(byteCount: Self.capacity, alignment: Self.block)
        } else {
            isDirect = false
            buffer = nil
        }
    }

    deinit {
        buffer?.deallocate()
    }

    /// Writes `bytes` (a direct file gathers them and writes whole buffers); false on an error
    /// (`errno` says which).
    func write(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard isDirect, let buffer, let source = bytes.baseAddress else { return plainWrite(bytes) }
        var offset = 0
        while offset < bytes.count {
            let count = min(Self.capacity - filled, bytes.count - offset)
            guard let target = buffer.baseAddress else { return false }
            (target + filled).copyMemory(from: source + offset, byteCount: count)
            filled += count
            offset += count
            if filled == Self.capacity, !writeWholeBlocks() { return false }
            if !isDirect {
                // Direct I/O was refused midway: what is gathered and the rest go through the cache.
                let gathered = UnsafeRawBufferPointer(rebasing: buffer[..<filled])
                filled = 0
                return plainWrite(gathered) && plainWrite(UnsafeRawBufferPointer(rebasing: bytes[offset...]))
            }
        }
        return true
    }

    /// Writes what is gathered and closes the file; false on an error (`errno` says which).
    func close() -> Bool {
        var ok = writeWholeBlocks()
        if ok, filled > 0, let buffer {
            // The last bytes are less than a block: written through the cache.
            ok = stopDirect() && plainWrite(UnsafeRawBufferPointer(rebasing: buffer[..<filled]))
            filled = 0
        }
        let failure = errno
        let closed = closeDescriptor(descriptor)
        if !ok { errno = failure }
        return ok && closed
    }

    /// Closes the file without writing what is gathered (after a failure).
    func abandon() {
        filled = 0
        _ = closeDescriptor(descriptor)
    }

    /// Writes the whole blocks gathered in ``buffer`` and keeps the rest at its start.
    private func writeWholeBlocks() -> Bool {
        guard let buffer, let base = buffer.baseAddress, filled >= Self.block else { return true }
        let whole = filled / Self.block * Self.block
        let chunk = UnsafeRawBufferPointer(start: base, count: whole)
        if isDirect {
            if let failure = FileWriting().writeAll(chunk, to: descriptor) {
                guard failure == EINVAL else {
                    errno = failure
                    return false
                }
                // Refused (an alignment this file system does not take): written again through
                // the cache from where the file's bytes end.
                guard stopDirect(), lseek(descriptor, off_t(written), SEEK_SET) >= 0, plainWrite(chunk) else { return false }
            }
        } else if !plainWrite(chunk) {
            return false
        }
        written += whole
        base.copyMemory(from: base + whole, byteCount: filled - whole)
        filled -= whole
        return true
    }

    /// Switches direct I/O off for the descriptor (from here on the file is written through the cache).
    private func stopDirect() -> Bool {
        guard isDirect, let directFlag = Self.directFlag else { return true }
        isDirect = false
        let flags = fcntl(descriptor, F_GETFL)
        return flags >= 0 && fcntl(descriptor, F_SETFL, flags & ~directFlag) == 0
    }

    /// Writes `bytes` as they are; false on an error (`errno` says which).
    private func plainWrite(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if let failure = FileWriting().writeAll(bytes, to: descriptor) {
            errno = failure
            return false
        }
        return true
    }
}

/// Closes a descriptor; false on an error (`errno` says which).
private func closeDescriptor(_ descriptor: Int32) -> Bool {
    close(descriptor) == 0
}
