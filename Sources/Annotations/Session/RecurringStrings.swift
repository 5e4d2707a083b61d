import Foundation

/// The strings that recur across a session's records (document ids, annotators, sentence hashes,
/// forms), made once while a file is decoded and shared: a string of more than 15 bytes is a heap
/// allocation, and a hundred thousand records name a few hundred documents and sentences.
///
/// A small table, one string per slot (the last whose bytes hash to it; bytes compared in full).
struct RecurringStrings {
    private var slots: [String?]

    /// A table that shares strings (`sharing`), or one that makes every string as it comes.
    init(sharing: Bool) {
        slots = sharing ? [String?](repeating: nil, count: 512) : []
    }

    /// The string of the UTF-8 `bytes` (no escapes), the one made before when the same bytes came recently.
    @inline(__always)
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count > 15, !slots.isEmpty, let base = bytes.baseAddress else { return String(decoding: bytes, as: UTF8.self) }
        return shared(base, bytes.count)
    }

    private mutating func shared(_ base: UnsafePointer<UInt8>, _ count: Int) -> String {
        // The first and last eight bytes, mixed: ids and hashes differ at their ends.
        let head = UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)
        let tail = UnsafeRawPointer(base + count - 8).loadUnaligned(as: UInt64.self)
        let mixed = (head &* 0x9E37_79B9_7F4A_7C15 ^ tail &+ UInt64(count)) &* 0xBF58_476D_1CE4_E5B9
        let slot = Int(truncatingIfNeeded: mixed >> 55)
        if var made = slots[slot], made.utf8.count == count {
            let same = made.withUTF8 { $0.count == count && $0.baseAddress.map { memcmp($0, base, count) == 0 } ?? false }
            if same { return made }
        }
        let made = String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
        slots[slot] = made
        return made
    }
}
