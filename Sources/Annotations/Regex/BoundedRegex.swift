import Foundation
import _FoundationICU

/// A regular expression (ICU syntax, the one `NSRegularExpression` uses) whose matching is bounded and
/// can be stopped: a pattern such as `(.*)*x$` backtracks for longer than the universe exists, so every
/// match counts the matching engine's steps against a budget shared by all matches of one
/// `BoundedRegex`, and asks ``shouldStop`` (Ctrl-C) while it runs.
///
/// It uses ICU's C interface directly (the library Foundation's regular expressions are built on), because
/// only there can a running match be stopped: ICU calls back every few thousand backtracking steps (one
/// "step" of ``stepLimit``, a fraction of a millisecond). The step count is the same on every run, so a
/// test can rely on the limit without measuring time.
///
/// Not thread-safe: one instance per search.
public final class BoundedRegex {
    /// The default budget, in ICU steps, for everything one instance matches (a few seconds at most).
    public static let defaultStepLimit = 5_000

    /// The pattern as given.
    public let pattern: String
    /// The step budget for all matches of this instance.
    public let stepLimit: Int
    /// Asked at every step and between texts: return true to stop (Ctrl-C was pressed).
    public var shouldStop: () -> Bool = { false }
    /// Steps used so far by all matches.
    public private(set) var stepsUsed = 0

    private let handle: OpaquePointer
    private let started = Date()
    private var stop: Failure?

    /// Compiles `pattern`; throws ``Failure/invalid(_:)`` when it does not compile.
    public init(_ pattern: String, stepLimit: Int = BoundedRegex.defaultStepLimit) throws(Failure) {
        self.pattern = pattern
        self.stepLimit = stepLimit
        let units = Array(pattern.utf16)
        var status = U_ZERO_ERROR
        var parseError = UParseError()
        let opened = units.withUnsafeBufferPointer { buffer in
            swift_uregex_open(buffer.baseAddress, Int32(buffer.count), 0, &parseError, &status)
        }
        guard let opened, status.rawValue <= U_ZERO_ERROR.rawValue else {
            if let opened { swift_uregex_close(opened) }
            throw .invalid(Self.reason(status, offset: Int(parseError.offset)))
        }
        handle = opened
        var callbackStatus = U_ZERO_ERROR
        swift_uregex_setMatchCallback(
            handle,
            { context, _ in
                guard let context else { return 1 }
                return Unmanaged<BoundedRegex>.fromOpaque(context).takeUnretainedValue().continueMatching() ? 1 : 0
            }, Unmanaged.passUnretained(self).toOpaque(), &callbackStatus)
    }

    deinit { swift_uregex_close(handle) }

    /// Why matching stopped or could not start.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The pattern does not compile.
        case invalid(String)
        /// The step budget ran out; `seconds` is the time spent matching so far.
        case tooCostly(steps: Int, seconds: Double)
        /// ``shouldStop`` asked to stop.
        case interrupted

        public var description: String {
            switch self {
            case .invalid(let reason): return "it does not compile (\(reason); check brackets, parentheses and escapes)"
            case .tooCostly(_, let seconds):
                return "stopped after \(String(format: "%.1f", seconds)) s: the pattern is too costly for this text; simplify it "
                    + "(nested repetition such as (a+)+ or (.*)* makes the matcher try every way to split the text)"
            case .interrupted: return "stopped by Ctrl-C"
            }
        }
    }

    /// The first match in `text` (UTF-16 offsets), or nil. Checks ``shouldStop`` before it starts.
    public func firstMatch(in text: String) throws(Failure) -> Range<Int>? {
        if shouldStop() { throw .interrupted }
        return try withText(text) { () throws(Failure) -> Range<Int>? in
            var status = U_ZERO_ERROR
            let found = swift_uregex_find(handle, 0, &status)
            try check(status)
            guard found != 0 else { return nil }
            return try currentRange()
        }
    }

    /// Every match in `text` (UTF-16 offsets), in order, empty matches included.
    public func matches(in text: String) throws(Failure) -> [Range<Int>] {
        if shouldStop() { throw .interrupted }
        return try withText(text) { () throws(Failure) -> [Range<Int>] in
            var ranges: [Range<Int>] = []
            while true {
                var status = U_ZERO_ERROR
                let found = swift_uregex_findNext(handle, &status)
                try check(status)
                guard found != 0 else { return ranges }
                ranges.append(try currentRange())
            }
        }
    }

    // MARK: - Private

    /// Sets `text` as the subject while `body` runs (ICU keeps only a pointer to it).
    private func withText<R>(_ text: String, _ body: () throws(Failure) -> R) throws(Failure) -> R {
        let units = Array(text.utf16)
        var result: Result<R, Failure> = .failure(.interrupted)
        units.withUnsafeBufferPointer { buffer in
            var status = U_ZERO_ERROR
            let empty: [UInt16] = [0]
            empty.withUnsafeBufferPointer { fallback in
                swift_uregex_setText(handle, buffer.baseAddress ?? fallback.baseAddress, Int32(buffer.count), &status)
            }
            do throws(Failure) { result = .success(try body()) } catch { result = .failure(error) }
            var detach = U_ZERO_ERROR
            empty.withUnsafeBufferPointer { swift_uregex_setText(handle, $0.baseAddress, 0, &detach) }
        }
        return try result.get()
    }

    private func currentRange() throws(Failure) -> Range<Int> {
        var status = U_ZERO_ERROR
        let start = swift_uregex_start(handle, 0, &status)
        let end = swift_uregex_end(handle, 0, &status)
        try check(status)
        return Int(start)..<Int(max(start, end))
    }

    /// Turns a stopped match into the reason it stopped.
    private func check(_ status: UErrorCode) throws(Failure) {
        guard status.rawValue > U_ZERO_ERROR.rawValue else { return }
        if let stop {
            self.stop = nil
            throw stop
        }
        throw .tooCostly(steps: stepsUsed, seconds: Date().timeIntervalSince(started))
    }

    /// Called by ICU every step of a long match: false stops it.
    private func continueMatching() -> Bool {
        stepsUsed += 1
        if shouldStop() {
            stop = .interrupted
            return false
        }
        if stepsUsed >= stepLimit {
            stop = .tooCostly(steps: stepsUsed, seconds: Date().timeIntervalSince(started))
            return false
        }
        return true
    }

    private static func reason(_ status: UErrorCode, offset: Int) -> String {
        let name = String(cString: swift_u_errorName(status))
        let readable = name.replacingOccurrences(of: "U_REGEX_", with: "").replacingOccurrences(of: "_", with: " ").lowercased()
        return offset >= 0 ? "\(readable) at position \(offset + 1)" : readable
    }
}
