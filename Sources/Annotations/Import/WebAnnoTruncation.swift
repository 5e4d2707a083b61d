/// A WebAnno TSV file cut short: a copy or download that stopped at a row boundary reads as a
/// whole file (every row it holds is complete), so the place where it was cut is found by the
/// last sentence, whose `#Text=` lines say how much text its token rows must cover.
enum WebAnnoTruncation {
    /// The keyword of a sentence's text line.
    static let textKeyword = "#Text="

    /// Where and why the whole file `lines` ends inside its last sentence: its token rows cover less
    /// of the text its `#Text=` lines hold (more than whitespace is left over; none at all when the
    /// file ends after the `#Text=` lines), or, when the file does not end in a line break
    /// (`endsInLineBreak`), its last line is the start of a `#Text=` keyword or a token row. Nil for a file that
    /// ends after a whole sentence. Rows whose offsets cannot be read are left to the row checks.
    static func problem(in lines: [(number: Int, text: String)], endsInLineBreak: Bool) -> (line: Int, reason: String)? {
        guard let last = lines.last else { return nil }
        if !endsInLineBreak, last.text.hasPrefix("#"), last.text.count < textKeyword.count, textKeyword.hasPrefix(last.text) {
            return (last.number, "the file ends inside a \(textKeyword) line ('\(last.text)'): it was cut short; copy or export it again")
        }
        // A token row cut inside its last field can still read as a whole row (a relation to `2-12`
        // cut to `2-1` points at another token): INCEpTION and `export` end every row with a line break.
        if !endsInLineBreak, !last.text.isEmpty, !last.text.hasPrefix("#") {
            return (last.number, ImportLines.unfinishedLastLine)
        }
        // The last sentence: the last run of consecutive #Text= lines, and the rows after it (only
        // these are read; earlier sentences' rows are the importer's row checks' business).
        func isText(_ index: Int) -> Bool { lines[index].text.hasPrefix(textKeyword) }
        guard let lastText = lines.indices.last(where: isText) else { return nil }
        var firstText = lastText
        while firstText > 0, isText(firstText - 1) { firstText -= 1 }
        // Its number: one more than the runs of #Text= lines before it.
        var sentence = 1
        for index in 0..<firstText where isText(index) && (index == 0 || !isText(index - 1)) { sentence += 1 }
        let textLines = lines[firstText...lastText].map { WebAnnoImporter.unescaped(String($0.text.dropFirst(textKeyword.count))) }
        var begin = Int.max, end = 0
        for (_, text) in lines[(lastText + 1)...] where !text.isEmpty && !text.hasPrefix("#") {
            let fields = text.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            // A row whose offsets the row checks refuse: left to them.
            guard fields.count >= 2, let offsets = WebAnnoText.numbers(fields[1]), offsets.begin <= offsets.end else { return nil }
            begin = min(begin, offsets.begin)
            end = max(end, offsets.end)
        }
        // Offsets count UTF-16 units; the first token begins after the text's leading whitespace.
        let units = Array(textLines.joined(separator: "\n").utf16)
        let leading = units.prefix { $0 < 0x80 && Unicode.Scalar(UInt8($0)).properties.isWhitespace }.count
        let covered = begin == .max ? 0 : min(units.count, leading + end - begin)
        let rest = String(decoding: units[covered...], as: UTF16.self)
        guard rest.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { return nil }
        let characters = String(decoding: units, as: UTF16.self).unicodeScalars.count
        let coveredCharacters = begin == .max ? 0 : String(decoding: units[..<covered], as: UTF16.self).unicodeScalars.count
        return (
            last.number,
            "the file ends inside sentence \(sentence): its #Text has \(characters) characters, its tokens cover \(coveredCharacters)"
                + " (the file was cut short, or rows were removed); copy or export it again"
        )
    }

    /// Why a file whose sentences are whole ends before its document does: after its last token
    /// (ending at UTF-16 offset `end`; none: 0) the document's text `text` goes on with more than
    /// whitespace, as when a copy was cut after a sentence. INCEpTION and `export` write a row for
    /// every token of a document. Nil when only whitespace follows.
    static func problem(lastTokenEnd end: Int, text: WebAnnoText) -> String? {
        guard let rest = text.text(fromUTF16: end), let first = rest.unicodeScalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return nil }
        let next = String(rest.unicodeScalars[first...].prefix(30))
        return "the file ends at UTF-16 offset \(end), but the document's text goes on for \(text.utf16Count - end) more units ('\(ExportControlCharacters.shown(next))…'):"
            + " the file was cut short after a sentence, or made on another text; copy or export it again, or pass --corpus with the corpus it was made on"
    }
}
