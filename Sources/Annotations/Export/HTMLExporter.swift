/// One self-contained review page, `review.html`: no scripts, no network, no external files.
///
/// For every document and session the text with speaker mentions, cues and claims highlighted
/// (overlaps nest; each annotation's first piece is focusable, and hovering or focusing shows
/// its attribution and notes through `title`, `aria-label` and a CSS pop-up), a legend, a table of
/// claims per speaker, the speaker × target stance matrix and the sentence notes. Everything from
/// the corpus or the sessions is escaped; control characters become U+FFFD; a line or paragraph
/// separator (U+2028, U+2029) in text shows as a line or paragraph break (it stays in the text, in a
/// `<span>` whose style adds the break: ``ExportOutput/appendHTMLContent(_:)-(String)``); names, notes, ids and
/// labels holding a bidi embedding, override or isolate are each set in `<bdi>`
/// (``ExportText/htmlIsolated(_:)``), so its effect ends with them.
struct HTMLExporter: Exporter {
    /// Creates the exporter.
    init() {}

    var format: ExportFormat { .html }

    /// Everything but notes on speakers or targets.
    func writtenCounts(_ bundle: ExportBundle) -> ExportCounts {
        bundle.counts.keeping(stances: true, notes: bundle.noteCount(spansAndStances: true, sentences: true), speakers: true, targets: true)
    }

    func write(_ bundle: ExportBundle, to out: inout ExportOutput) {
        out.begin("review.html")
        let counts = bundle.counts
        out.append("""
            <!DOCTYPE html>
            <html lang="de">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Workbench – Attribution review</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <header>
            <h1>Attribution review</h1>
            <p>\(bundle.documents.count) document(s); sessions: \(bundle.sessions.map { "\(ExportText.htmlIsolated($0.label)) (\(ExportText.htmlIsolated($0.annotator)))" }.joined(separator: ", ")); \(ExportText.html(counts.description)).</p>
            <p class="legend" aria-label="Legend"><span class="a speaker">speaker mention</span> <span class="a cue">cue</span> <span class="a claim">claim</span> <span class="hint">Hover or focus (Tab) an annotation to see its attribution and notes.</span></p>
            </header>
            <main>

            """)
        out.append("<nav><h2>Documents</h2><ul>")
        for (index, document) in bundle.documents.enumerated() {
            out.append("<li><a href=\"#doc-\(index)\">\(ExportText.htmlIsolated(document.document.title ?? document.document.id))</a></li>")
        }
        out.append("</ul></nav>\n")
        // Documents are built on all cores and written in order. Each part also holds the table
        // cells of its claims (their texts need the document's offset table, which is dropped
        // once the part is made), so the tables after the documents read no text again.
        var rows: [ClaimRows] = []
        rows.reserveCapacity(bundle.documents.count)
        ExportDocumentParts.build(bundle) { documentIndex in
            var out = ExportOutput()
            // The text (escaped) and the spans' titles: under 340 bytes per segment besides twice
            // the text at the benchmark's million annotations
            // (``ExportBundle/partCapacity(document:perTextByte:perSegment:)``).
            out.bytes.reserveCapacity(bundle.partCapacity(document: documentIndex, perTextByte: 2, perSegment: 512))
            let document = bundle.documents[documentIndex]
            out.append("<section class=\"document\" id=\"doc-\(documentIndex)\">\n<h2>\(ExportText.htmlIsolated(document.document.id))")
            if let title = document.document.title { out.append(" – \(ExportText.htmlIsolated(title))") }
            out.append("</h2>\n")
            for sessionIndex in bundle.sessions.indices {
                out.append("<h3>\(ExportText.htmlIsolated(bundle.sessions[sessionIndex].label)) <small>(\(ExportText.htmlIsolated(bundle.sessions[sessionIndex].annotator)))</small></h3>\n")
                out.append("<div class=\"text\">")
                renderText(bundle, document: documentIndex, session: sessionIndex, into: &out)
                out.append("</div>\n")
            }
            out.append("</section>\n")
            return (out.bytes, ClaimRows(bundle, document: documentIndex))
        } _: { _, part in
            out.appendPart(part.0)
            rows.append(part.1)
        }
        for sessionIndex in bundle.sessions.indices {
            renderTables(bundle, session: sessionIndex, rows: rows, into: &out)
        }
        out.append("</main>\n</body>\n</html>\n")
        out.end()
    }

    static let style = """
        body{font:16px/1.6 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem 2rem;color:#1b1b1b;background:#fff}
        h1{font-size:1.6rem}h2{font-size:1.3rem;border-bottom:1px solid #ccc;margin-top:2rem}h3{font-size:1.05rem;margin-bottom:.3rem}
        .text{white-space:pre-wrap;border:1px solid #ddd;border-radius:4px;padding:.8rem 1rem;line-height:2.1}
        .a{position:relative;border-radius:2px;padding:2px 0}
        .a.speaker{background:#cfe0ff;border-bottom:3px solid #1f5fbf}
        .a.cue{background:#ffe2a6;border-bottom:3px solid #b36b00}
        .a.claim{background:#dcf3d3;border-bottom:3px solid #2e7d32}
        .a .a{padding:0}
        .a[tabindex]:focus{outline:2px solid #000;outline-offset:1px}
        .a[tabindex]:focus::after,.a[tabindex]:hover::after{content:attr(data-info);position:absolute;left:0;top:1.9em;z-index:2;width:24rem;white-space:normal;background:#222;color:#fff;font-size:.85rem;line-height:1.4;padding:.4rem .6rem;border-radius:4px}
        .legend .a{padding:1px 4px;margin-right:.5rem}.hint{color:#555;font-size:.9rem}
        .ls::after{content:"\\A";white-space:pre}.ps::after{content:"\\A\\A";white-space:pre}
        table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
        th{background:#f3f3f3}td.favor{background:#dcf3d3}td.against{background:#f8d4d4}td.none{background:#eee}
        nav ul{columns:2}small{color:#555;font-weight:normal}
        """

    /// Appends the description of a span (its `title`, `aria-label` and `data-info`), escaped as
    /// ``ExportOutput/appendHTML(_:)-(String)`` escapes it, its parts joined by `; `. The fixed
    /// words are written as they are (they hold nothing to escape), every name, id and text escaped.
    private func appendInfo(
        _ span: ExportSpan, state: AnnotationState, bundle: ExportBundle, cueClaims: [String: [String]], scratch: inout [UInt8],
        to out: inout ExportOutput
    ) {
        func appendSpeaker(_ id: String) {
            out.append("; speaker: ")
            out.appendHTML(state.speakers[id]?.name ?? id)
            out.append(" (")
            out.appendHTML(id)
            out.append(byte: UInt8(ascii: ")"))
        }
        func appendQuoted(_ word: String, _ id: String) {
            guard let location = bundle.location(session: span.session, id: id) else { return }
            out.append(word)
            scratch.removeAll(keepingCapacity: true)
            bundle.appendText(document: location.document, index: location.index, to: &scratch)
            scratch.withUnsafeBufferPointer { out.appendHTML(utf8: $0) }
            out.append("“")
        }
        switch span.kind {
        case .speaker:
            out.append("Speaker mention ")
            out.appendHTML(span.id)
            if let id = span.speaker { appendSpeaker(id) }
            if let role = span.role {
                out.append("; role: ")
                out.appendHTML(role)
            }
        case .cue:
            out.append("Cue ")
            out.appendHTML(span.id)
            if let claims = cueClaims[span.id] {
                out.append("; claims: ")
                for (index, claim) in claims.enumerated() {
                    if index > 0 { out.append(", ") }
                    out.appendHTML(claim)
                }
            }
        case .claim:
            out.append("Claim ")
            out.appendHTML(span.id)
            if span.speakers.isEmpty { out.append("; speaker: unattributed") }
            for id in span.speakers { appendSpeaker(id) }
            for id in span.mentions { appendQuoted("; mention: „", id) }
            for id in span.addressees { appendQuoted("; addressee: „", id) }
            if let cue = span.cue { appendQuoted("; cue: „", cue) }
            if let form = span.form {
                out.append("; form: ")
                out.appendHTML(form)
            }
            if span.negated { out.append("; negated") }
            if span.hedged { out.append("; hedged") }
        }
        out.append("; annotator: ")
        out.appendHTML(span.annotator)
        for note in bundle.notes(session: span.session, about: span.id) {
            out.append("; note: ")
            out.appendHTML(note.text)
        }
    }

    private func renderText(_ bundle: ExportBundle, document: Int, session: Int, into out: inout ExportOutput) {
        let spans = bundle.spans[document]
        var own: [Int] = []
        var cueClaims: [String: [String]] = [:]
        for (index, span) in spans.enumerated() where span.session == session {
            own.append(index)
            if span.kind == .claim, let cue = span.cue { cueClaims[cue, default: []].append(span.id) }
        }
        // Boundary events: at each offset, which spans start or stop covering the text.
        var points = [0, bundle.scalarIndex[document].scalarCount]
        for index in own {
            for segment in spans[index].segments {
                points.append(segment.start)
                points.append(segment.end)
            }
        }
        points.sort()
        var unique = 0
        for point in points where unique == 0 || points[unique - 1] != point {
            points[unique] = point
            unique += 1
        }
        points.removeSubrange(unique...)
        // Each segment's start and end as `offset << 32 | span index`, sorted: read in step with
        // the points (a dictionary of lists per offset cost two insertions and two small arrays
        // per segment).
        var startKeys: [Int] = [], endKeys: [Int] = []
        for index in own {
            for segment in spans[index].segments {
                startKeys.append(segment.start << 32 | index)
                endKeys.append(segment.end << 32 | index)
            }
        }
        startKeys.sort()
        endKeys.sort()
        var nextStart = 0, nextEnd = 0
        // Each span's opening tag up to its `title` (escaped once), kept in one byte run for the
        // span's later openings (`tagStarts`, `tagEnds`: its range; -1 before its first opening);
        // what its first opening adds is written straight out.
        var tagStarts = [Int](repeating: -1, count: spans.count)
        var tagEnds = [Int](repeating: 0, count: spans.count)
        var active: [Int] = [], gone: [Int] = []
        var tags = ExportOutput(), info = ExportOutput(), scratch: [UInt8] = []
        let label = bundle.sessions[session].label
        // The session's state, copied once per document rather than once per span.
        let state = bundle.sessions[session].state
        for (position, start) in points.enumerated() where position + 1 < points.count {
            let end = points[position + 1]
            gone.removeAll(keepingCapacity: true)
            while nextEnd < endKeys.count, endKeys[nextEnd] >> 32 == start {
                gone.append(endKeys[nextEnd] & 0xFFFF_FFFF)
                nextEnd += 1
            }
            if !gone.isEmpty { active.removeAll { gone.contains($0) } }
            var added = false
            while nextStart < startKeys.count, startKeys[nextStart] >> 32 == start {
                active.append(startKeys[nextStart] & 0xFFFF_FFFF)
                nextStart += 1
                added = true
            }
            if added { active.sort() }
            for index in active {
                if tagStarts[index] < 0 {
                    let span = spans[index]
                    info.bytes.removeAll(keepingCapacity: true)
                    appendInfo(span, state: state, bundle: bundle, cueClaims: cueClaims, scratch: &scratch, to: &info)
                    tagStarts[index] = tags.bytes.count
                    tags.append("<span class=\"a ")
                    tags.append(span.kind.role)
                    tags.append("\" data-ann=\"")
                    tags.appendHTML(label)
                    tags.append(byte: UInt8(ascii: ":"))
                    tags.appendHTML(span.id)
                    tags.append("\" title=\"")
                    tags.bytes.append(contentsOf: info.bytes)
                    tags.append(byte: UInt8(ascii: "\""))
                    tagEnds[index] = tags.bytes.count
                    out.append(tags.bytes, from: tagStarts[index], to: tagEnds[index])
                    out.append(" id=\"")
                    out.appendHTML(label)
                    out.append(byte: UInt8(ascii: "-"))
                    out.appendHTML(span.id)
                    out.append("\" tabindex=\"0\" role=\"note\" aria-label=\"")
                    out.bytes.append(contentsOf: info.bytes)
                    out.append("\" data-info=\"")
                    out.bytes.append(contentsOf: info.bytes)
                    out.append(byte: UInt8(ascii: "\""))
                } else {
                    out.append(tags.bytes, from: tagStarts[index], to: tagEnds[index])
                }
                out.append(byte: UInt8(ascii: ">"))
            }
            out.appendHTMLContent(bundle, document: document, start, end)
            for _ in active { out.append("</span>") }
        }
    }

    private func renderTables(_ bundle: ExportBundle, session: Int, rows: [ClaimRows], into out: inout ExportOutput) {
        let state = bundle.sessions[session].state
        let label = bundle.sessions[session].label
        out.append("<section class=\"tables\">\n<h2>Claims by speaker – \(ExportText.htmlIsolated(label))</h2>\n")
        var bySpeaker: [String: [(document: Int, index: Int)]] = [:]
        for (document, spans) in bundle.spans.enumerated() {
            for (index, span) in spans.enumerated() where span.session == session && span.kind == .claim {
                // A claim with several speakers is listed under each of them.
                for speaker in span.speakers.isEmpty ? [""] : span.speakers { bySpeaker[speaker, default: []].append((document, index)) }
            }
        }
        out.append("<table><thead><tr><th>Speaker</th><th>Claim</th><th>Cue</th><th>Form</th><th>Where</th></tr></thead><tbody>\n")
        let order = bundle.speakers[session].map(\.id) + (bySpeaker[""] == nil ? [] : [""])
        for speakerID in order {
            guard let claims = bySpeaker[speakerID] else { continue }
            let name = speakerID.isEmpty ? "(unattributed)" : (state.speakers[speakerID]?.name ?? speakerID)
            for (position, claim) in claims.enumerated() {
                out.append("<tr>")
                if position == 0 { out.append("<th rowspan=\"\(claims.count)\">\(ExportText.htmlIsolated(name))</th>") }
                rows[claim.document].append(claim.index, to: &out)
                out.checkpoint()
            }
        }
        out.append("</tbody></table>\n")
        out.append("<h2>Stances (speaker × target) – \(ExportText.htmlIsolated(label))</h2>\n")
        let targets = bundle.targets[session]
        var cells: [String: Stance] = [:]
        for stance in bundle.stances[session] { cells["\(stance.speaker)\u{1}\(stance.target)"] = stance }
        if targets.isEmpty {
            out.append("<p>No targets.</p>\n")
        } else {
            out.append("<table><thead><tr><th>Speaker</th>")
            for target in targets { out.append("<th>\(ExportText.htmlIsolated(target.id)): \(ExportText.htmlIsolated(target.text))</th>") }
            out.append("</tr></thead><tbody>\n")
            for speaker in bundle.speakers[session] {
                out.append("<tr><th>\(ExportText.htmlIsolated(speaker.name))</th>")
                for target in targets {
                    if let stance = cells["\(speaker.id)\u{1}\(target.id)"] {
                        let evidence = stance.evidence.isEmpty ? "" : " (" + stance.evidence.joined(separator: ", ") + ")"
                        let notes = bundle.notes(session: session, about: stance.id).map(\.text).joined(separator: "; ")
                        out.append("<td class=\"\(ExportText.html(stance.label))\" data-ann=\"\(ExportText.html("\(label):\(stance.id)"))\" title=\"\(ExportText.html(notes))\">")
                        out.append("\(ExportText.htmlIsolated(stance.label))\(ExportText.htmlIsolated(evidence))</td>")
                    } else {
                        out.append("<td></td>")
                    }
                }
                out.append("</tr>\n")
            }
            out.append("</tbody></table>\n")
        }
        let sentenceNotes = bundle.notes[session].filter { if case .sentence = $0.subject { return true } else { return false } }
        if !sentenceNotes.isEmpty {
            out.append("<h2>Sentence notes – \(ExportText.htmlIsolated(label))</h2>\n<ul>")
            for note in sentenceNotes {
                if case .sentence(let key) = note.subject {
                    out.append("<li>\(ExportText.htmlIsolated(key.document)) #\(key.sentence + 1): \(ExportText.htmlIsolated(note.text)) <small>(\(ExportText.htmlIsolated(note.annotator)))</small></li>")
                }
            }
            out.append("</ul>\n")
        }
        out.append("</section>\n")
    }
}

/// The table cells of one document's claims (claim with its link, cue, form, place, up to the row's
/// end), made while the document's offset table is at hand: one byte run per document and a range
/// per span (empty for spans that are not claims).
private struct ClaimRows: Sendable {
    var bytes: [UInt8] = []
    var ranges: [Range<Int>] = []

    init(_ bundle: ExportBundle, document: Int) {
        let spans = bundle.spans[document]
        ranges.reserveCapacity(spans.count)
        var out = ExportOutput()
        var scratch: [UInt8] = []
        for (index, span) in spans.enumerated() {
            let start = out.bytes.count
            if span.kind == .claim {
                let session = span.session, label = bundle.sessions[session].label
                out.append("<td><a href=\"#")
                out.appendHTML(label)
                out.append(byte: UInt8(ascii: "-"))
                out.appendHTML(span.id)
                out.append("\">")
                out.appendHTMLIsolated(span.id)
                out.append("</a> ")
                scratch.removeAll(keepingCapacity: true)
                bundle.appendText(document: document, index: index, to: &scratch)
                scratch.withUnsafeBufferPointer { out.appendHTMLIsolated(utf8: $0) }
                out.append("</td><td>")
                if let cue = span.cue, let location = bundle.location(session: session, id: cue) {
                    scratch.removeAll(keepingCapacity: true)
                    bundle.appendText(document: location.document, index: location.index, to: &scratch)
                    scratch.withUnsafeBufferPointer { out.appendHTMLIsolated(utf8: $0) }
                }
                out.append("</td><td>")
                out.appendHTMLIsolated(span.form ?? "")
                out.append("</td><td>")
                out.appendHTMLIsolated(bundle.documents[span.document].document.id)
                out.append(" #")
                out.append(span.sentence + 1)
                out.append("</td></tr>\n")
            }
            ranges.append(start..<out.bytes.count)
        }
        bytes = out.bytes
    }

    /// Appends the cells of the span at `index`.
    func append(_ index: Int, to out: inout ExportOutput) {
        out.bytes.append(contentsOf: bytes[ranges[index]])
    }
}
