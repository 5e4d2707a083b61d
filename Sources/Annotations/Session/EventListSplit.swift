import Foundation

/// The second half of a large session file, read on another thread while ``SessionFileDecoder``
/// reads the first: the UTF-8 check of the bytes from ``start`` on and the decoding of the events
/// from there to the end of the event list.
///
/// ``start`` is only a guess at where an event begins: a line break (never part of a JSON string)
/// between a `,` and a `{`, near the middle of the file. The guess is used only if the decoder,
/// reading the event list in order, arrives at exactly that offset at the start of an event; then
/// the events from there on are what sequential decoding would have given. Otherwise (or when the
/// guessed part does not decode) the decoder goes on by itself and the worker's result is dropped.
final class EventListSplit: @unchecked Sendable {
    /// Offset of the `{` of the first event the worker decodes.
    let start: Int
    private let bytes: UnsafeBufferPointer<UInt8>
    private let done = DispatchGroup()
    // Written by the worker before it leaves `done`, read only after waiting for it.
    private var tailIsValidUTF8 = false
    private var tail: (events: [Event], end: Int)?

    /// Starts a worker for the second half of `bytes`, or returns nil when they are shorter than
    /// `minimumSize` or no likely event start is found near the middle.
    convenience init?(_ bytes: UnsafeBufferPointer<UInt8>, minimumSize: Int) {
        guard bytes.count >= max(minimumSize, 2), let start = Self.likelyElementStart(in: bytes, from: bytes.count / 2) else {
            return nil
        }
        self.init(bytes, start: start)
    }

    /// Starts a worker decoding events from offset `start` (which may be any offset of `bytes`).
    init(_ bytes: UnsafeBufferPointer<UInt8>, start: Int) {
        self.bytes = bytes
        self.start = start
        done.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            tailIsValidUTF8 = UTF8Validation.isValid(UnsafeBufferPointer(rebasing: self.bytes[self.start...]))
            var decoder = SessionFileDecoder(self.bytes, at: self.start)
            tail = try? decoder.eventsToListEnd()
            done.leave()
        }
    }

    /// Waits for the worker; true when the bytes from ``start`` on are valid UTF-8.
    func waitForUTF8Check() -> Bool {
        done.wait()
        return tailIsValidUTF8
    }

    /// Waits for the worker: the events from ``start`` to the end of the list and the offset after
    /// its `]`, or nil when they did not decode as the rest of an event list.
    func waitForEvents() -> (events: [Event], end: Int)? {
        done.wait()
        return tail.take()
    }

    /// The offset of a `{` after `from` that follows `,` and a line break with only whitespace
    /// between: the start of an element of some array, if the bytes are JSON.
    static func likelyElementStart(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        let limit = min(bytes.count, from + (1 << 22))
        var index = max(from, 1)
        while index < limit {
            guard bytes[index] == 0x0A else { index += 1; continue }
            var before = index - 1
            while before > 0, bytes[before] == 0x20 || bytes[before] == 0x09 || bytes[before] == 0x0D { before -= 1 }
            var after = index + 1
            while after < bytes.count, bytes[after] == 0x20 || bytes[after] == 0x09 || bytes[after] == 0x0D || bytes[after] == 0x0A {
                after += 1
            }
            if bytes[before] == UInt8(ascii: ","), after < bytes.count, bytes[after] == UInt8(ascii: "{") { return after }
            index = after
        }
        return nil
    }
}
