import Foundation

/// The text a Label Studio task's regions count their offsets in, and where each offset lies in
/// the corpus document's (normalised) text.
///
/// A task's `data.text` that normalises to the corpus text may differ from it (a byte-order mark,
/// CRLF or CR line ends, decomposed umlauts: tasks made on the file as another tool read it). Its
/// regions then count one of two texts: `data.text` as written (a script that made the tasks), or,
/// when it holds CR, `data.text` with CRLF and CR turned into LF — what Label Studio's editor
/// shows and counts, as a browser reads text. The regions' own `text` tells which: the count in
/// which every region's text is the text at its offsets, on whole characters. Tasks whose regions
/// carry no text keep the count as written (as before). Regions that fit both counts at different
/// places cannot be placed, and the task is refused (``ambiguity``).
struct LabelStudioTaskText: Sendable {
    /// The scalars the offsets count.
    let scalars: [Unicode.Scalar]
    /// Offset into ``scalars`` → offset into the corpus text; nil when ``scalars`` is the corpus text.
    private let map: RawOffsetMap?
    /// Whether the task's text holds CR, so that its regions could count either text; a region
    /// that fits neither says so.
    let holdsCarriageReturns: Bool

    /// The corpus offset of `offset`; nil when it lies inside a character (a letter and its
    /// combining mark, CRLF) or outside the text.
    func normalized(_ offset: Int) -> Int? {
        guard let map else { return offset >= 0 && offset <= scalars.count ? offset : nil }
        return map.normalized(offset)
    }

    private init(scalars: [Unicode.Scalar], map: RawOffsetMap?, holdsCarriageReturns: Bool) {
        self.scalars = scalars
        self.map = map
        self.holdsCarriageReturns = holdsCarriageReturns
    }

    /// `text` counted as given, against `corpus` (its normalised form); nil when it cannot be
    /// mapped cluster by cluster.
    private init?(counting text: String, corpus: String, holdsCarriageReturns: Bool) {
        if text.unicodeScalars.elementsEqual(corpus.unicodeScalars) {
            self.init(scalars: Array(text.unicodeScalars), map: nil, holdsCarriageReturns: holdsCarriageReturns)
        } else if let map = RawOffsetMap(raw: text, normalized: corpus) {
            self.init(scalars: map.scalars, map: map, holdsCarriageReturns: holdsCarriageReturns)
        } else {
            return nil
        }
    }

    /// `text` with CRLF and lone CR turned into LF, as a browser reads it.
    static func lineFeeds(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if scalar == "\n", previous == "\r" { previous = scalar; continue }
            result.append(scalar == "\r" ? "\n" : scalar)
            previous = scalar
        }
        return String(result)
    }

    /// What a task's `data.text` gives: the count its regions use, or why it cannot be known.
    enum Choice {
        /// The regions count the corpus text itself (no map needed).
        case corpusText
        /// The regions count this text.
        case counted(LabelStudioTaskText)
        /// The regions fit both counts at different places (the reason, for the task's problem line).
        case ambiguity(String)
    }

    /// The count the label regions of `result` use in `text` (a task's `data.text`, which
    /// normalises to `corpus`).
    static func choose(text: String, corpus: String, result: [Any]) -> Choice {
        let holdsCarriageReturns = text.unicodeScalars.contains("\r")
        let written = LabelStudioTaskText(counting: text, corpus: corpus, holdsCarriageReturns: holdsCarriageReturns)
        let shown = holdsCarriageReturns ? LabelStudioTaskText(counting: lineFeeds(text), corpus: corpus, holdsCarriageReturns: true) : nil
        guard let written, let shown else {
            guard let only = written ?? shown, only.map != nil || holdsCarriageReturns else { return .corpusText }
            return .counted(only)
        }
        let regions = result.compactMap { item -> (start: Int, end: Int, text: String?)? in
            guard let item = item as? [String: Any], item["type"] as? String != "relation", item["from_name"] as? String == "label",
                let value = item["value"] as? [String: Any], let start = value["start"] as? Int, let end = value["end"] as? Int
            else { return nil }
            return (start, end, value["text"] as? String)
        }
        // Regions without their text cannot tell: they count data.text as written, as before.
        guard regions.contains(where: { $0.text != nil }) else { return .counted(written) }
        let placedWritten = regions.map { written.place($0.start, $0.end, text: $0.text) }
        let placedShown = regions.map { shown.place($0.start, $0.end, text: $0.text) }
        let fitWritten = placedWritten.filter { $0 != nil }.count, fitShown = placedShown.filter { $0 != nil }.count
        if fitWritten == regions.count, fitShown == regions.count, placedWritten != placedShown {
            return .ambiguity(
                "its regions fit data.text both as written (with CR line ends) and with its line ends as LF (as Label Studio's editor counts), at different places; give the regions the text they cover (value.text) or data.text without CR")
        }
        return .counted(fitShown > fitWritten ? shown : written)
    }

    /// The corpus segment of `start`–`end` when it lies on whole characters and `text` (if given)
    /// is the text there; nil otherwise.
    private func place(_ start: Int, _ end: Int, text: String?) -> SpanSegment? {
        guard start >= 0, start < end, end <= scalars.count else { return nil }
        if let text, text != String(String.UnicodeScalarView(scalars[start..<end])) { return nil }
        guard let from = normalized(start), let to = normalized(end), from < to else { return nil }
        return SpanSegment(start: from, end: to)
    }
}
