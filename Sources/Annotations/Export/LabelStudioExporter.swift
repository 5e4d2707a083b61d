/// Label Studio: `tasks.json` (one task per document) and `labeling-config.xml` (the labeling
/// configuration that loads them; set it as the project's labeling interface, then import the tasks).
///
/// A task's `data` holds `text`, `document` (the id) and `title`; each session is one entry of
/// `annotations` whose `result` holds, with offsets in Unicode scalars:
/// - a `labels` region per span piece (`label`: Speaker, Cue or Claim), id = the annotation id
///   (`M1`, `Q1`, `C1`; further pieces of a discontinuous span `C1~2`, `C1~3`);
/// - per-region results on the first piece: `speaker` (text area, `S1 Name`: the speaker a mention
///   refers to or a claim is attributed to), `role` (text area), `form` (single choice) and
///   `flags` (`negated`, `hedged`) for claims, and `attributes` (text area, one `name=value` per
///   line: a claim's attributes such as SpkAtt's `stwr`);
/// - `relation` results claim → mention (`speaker`, one per speaker of a claim with several), claim →
///   mention (`addressee`) and claim → cue (`cue`); a claim's `speaker` text area lists every speaker;
/// - a stance as a per-speaker item: a single choice `stance-T1` (one control per target) on the
///   speaker's first mention in the export.
/// `data.workbench` (first task only) keeps what Label Studio has no place for, per session: the
/// label and annotator, speakers (kind, aliases), targets and stances (ids, evidence), so
/// ``LabelStudioImporter`` restores them.
struct LabelStudioExporter: Exporter {
    /// Creates the exporter.
    init() {}

    var format: ExportFormat { .labelstudio }

    /// Notes have no place in the tasks.
    func writtenCounts(_ bundle: ExportBundle) -> ExportCounts {
        bundle.counts.keeping(stances: true, speakers: true, targets: true)
    }

    func write(_ bundle: ExportBundle, to out: inout ExportOutput) {
        out.file("labeling-config.xml", Self.config(bundle))
        // The first mention of each speaker in the export, per session (where its stances go).
        var firstMention: [[String: String]] = Array(repeating: [:], count: bundle.sessions.count)
        for list in bundle.spans {
            for span in list where span.kind == .speaker {
                if let speaker = span.speaker, firstMention[span.session][speaker] == nil { firstMention[span.session][speaker] = span.id }
            }
        }
        let firstMentions = firstMention
        // Tasks are built on all cores and written one by one, in order, with the bytes
        // `JSONValue.array(tasks).pretty()` would write for them all: the whole array is never held.
        out.begin("tasks.json")
        let count = bundle.documents.count
        if count == 0 { out.append("[]") }
        ExportDocumentParts.build(bundle) { index in
            var bytes = Array((index == 0 ? "[\n  " : ",\n  ").utf8)
            Self.task(bundle, document: index, firstMention: firstMentions).appendPretty(level: 1, to: &bytes)
            if index == count - 1 { bytes.append(contentsOf: "\n]".utf8) }
            return bytes
        } _: { _, bytes in
            out.appendPart(bytes)
        }
        out.append("\n")
        out.end()
    }

    /// The task of one document: its data and one annotation per session.
    static func task(_ bundle: ExportBundle, document index: Int, firstMention: [[String: String]]) -> JSONValue {
        let document = bundle.documents[index]
        var data: [(String, JSONValue)] = [
            ("text", .string(document.document.text)), ("document", .string(document.document.id)),
            ("title", document.document.title.map(JSONValue.string) ?? .null),
        ]
        if index == 0 { data.append(("workbench", Self.workbenchData(bundle))) }
        var annotations: [JSONValue] = []
        for session in bundle.sessions.indices {
            annotations.append(.object([
                ("result", .array(Self.results(bundle, document: index, session: session, firstMention: firstMention[session]))),
                ("meta", .object([("session", .string(bundle.sessions[session].label)), ("annotator", .string(bundle.sessions[session].annotator))])),
            ]))
        }
        return .object([("id", .int(index + 1)), ("data", .object(data)), ("annotations", .array(annotations))])
    }

    /// The results of one session in one document.
    static func results(_ bundle: ExportBundle, document: Int, session: Int, firstMention: [String: String]) -> [JSONValue] {
        var results: [JSONValue] = []
        var relations: [JSONValue] = []
        let state = bundle.sessions[session].state
        func speakerText(_ id: String) -> String { "\(id) \(state.speakers[id]?.name ?? "")".trimmingCharacters(in: .whitespaces) }
        for span in bundle.spans[document] where span.session == session {
            for (piece, segment) in span.segments.enumerated() {
                results.append(.object([
                    ("id", .string(piece == 0 ? span.id : "\(span.id)~\(piece + 1)")), ("from_name", .string("label")), ("to_name", .string("text")),
                    ("type", .string("labels")), ("origin", .string("manual")),
                    ("value", .object([
                        ("start", .int(segment.start)), ("end", .int(segment.end)), ("text", .string(bundle.text(document: document, segment))),
                        ("labels", .array([.string(span.kind.label)])),
                    ])),
                ]))
            }
            let first = span.segments[0]
            func perRegion(_ name: String, _ type: String, _ key: String, _ value: JSONValue) {
                results.append(.object([
                    ("id", .string(span.id)), ("from_name", .string(name)), ("to_name", .string("text")), ("type", .string(type)),
                    ("origin", .string("manual")),
                    ("value", .object([("start", .int(first.start)), ("end", .int(first.end)), (key, value)])),
                ]))
            }
            if !span.speakers.isEmpty { perRegion("speaker", "textarea", "text", .array(span.speakers.map { .string(speakerText($0)) })) }
            if let role = span.role { perRegion("role", "textarea", "text", .array([.string(role)])) }
            if let form = span.form { perRegion("form", "choices", "choices", .array([.string(form)])) }
            let flags = [span.negated ? "negated" : nil, span.hedged ? "hedged" : nil].compactMap { $0 }
            if !flags.isEmpty { perRegion("flags", "choices", "choices", .array(flags.map(JSONValue.string))) }
            if span.kind == .claim, let attributes = state.claims[span.id]?.attributes, !attributes.isEmpty {
                perRegion("attributes", "textarea", "text", .array(attributes.keys.sorted().map { .string("\($0)=\(attributes[$0] ?? "")") }))
            }
            if span.kind == .speaker, let speaker = span.speaker, firstMention[speaker] == span.id {
                for stance in bundle.stances[session] where stance.speaker == speaker {
                    perRegion("stance-\(stance.target)", "choices", "choices", .array([.string(stance.label)]))
                }
            }
            let links = span.mentions.map { ("speaker", $0) } + span.addressees.map { ("addressee", $0) } + (span.cue.map { [("cue", $0)] } ?? [])
            for (label, target) in links {
                guard let other = bundle.span(session: session, id: target), other.document == document else { continue }
                relations.append(.object([
                    ("from_id", .string(span.id)), ("to_id", .string(target)), ("type", .string("relation")), ("direction", .string("right")),
                    ("labels", .array([.string(label)])),
                ]))
            }
        }
        return results + relations
    }

    /// What Label Studio has no place for, per session.
    static func workbenchData(_ bundle: ExportBundle) -> JSONValue {
        .array(bundle.sessions.indices.map { session in
            let exportSession = bundle.sessions[session]
            return .object([
                ("session", .string(exportSession.label)), ("annotator", .string(exportSession.annotator)),
                ("speakers", .array(bundle.speakers[session].map { speaker in
                    .object([
                        ("id", .string(speaker.id)), ("name", .string(speaker.name)), ("kind", .string(speaker.kind)),
                        ("aliases", .array(speaker.aliases.map(JSONValue.string))), ("annotator", .string(speaker.annotator)),
                    ])
                })),
                ("targets", .array(bundle.targets[session].map { target in
                    .object([("id", .string(target.id)), ("text", .string(target.text)), ("annotator", .string(target.annotator))])
                })),
                ("stances", .array(bundle.stances[session].map { stance in
                    .object([
                        ("id", .string(stance.id)), ("speaker", .string(stance.speaker)), ("target", .string(stance.target)),
                        ("label", .string(stance.label)), ("evidence", .array(stance.evidence.map(JSONValue.string))),
                        ("annotator", .string(stance.annotator)),
                    ])
                })),
            ])
        })
    }

    /// The labeling configuration for the sessions' schemas and targets.
    static func config(_ bundle: ExportBundle) -> String {
        var forms: [String] = [], stanceLabels: [String] = [], targets: [(id: String, text: String)] = []
        for (index, session) in bundle.sessions.enumerated() {
            for form in session.state.schema.claimForms where !forms.contains(form) { forms.append(form) }
            for label in session.state.schema.stanceLabels where !stanceLabels.contains(label) { stanceLabels.append(label) }
            for target in bundle.targets[index] where !targets.contains(where: { $0.id == target.id }) { targets.append((target.id, target.text)) }
            for list in bundle.spans { for span in list where span.session == index { if let form = span.form, !forms.contains(form) { forms.append(form) } } }
            for stance in bundle.stances[index] where !stanceLabels.contains(stance.label) { stanceLabels.append(stance.label) }
        }
        var xml = """
            <View>
              <Header value="$title"/>
              <Labels name="label" toName="text">
                <Label value="Speaker" background="#9fc5ff"/>
                <Label value="Cue" background="#ffd27f"/>
                <Label value="Claim" background="#b9e4ac"/>
              </Labels>
              <Text name="text" value="$text"/>
              <Relations>
                <Relation value="speaker"/>
                <Relation value="addressee"/>
                <Relation value="cue"/>
              </Relations>
              <TextArea name="speaker" toName="text" perRegion="true" maxSubmissions="1" placeholder="S1 Name"/>
              <TextArea name="role" toName="text" perRegion="true" maxSubmissions="1"/>
              <TextArea name="attributes" toName="text" perRegion="true" placeholder="name=value"/>
              <Choices name="form" toName="text" perRegion="true" choice="single">

            """
        for form in forms { xml += "    <Choice value=\"\(xmlEscaped(form))\"/>\n" }
        xml += "  </Choices>\n  <Choices name=\"flags\" toName=\"text\" perRegion=\"true\" choice=\"multiple\">\n"
        xml += "    <Choice value=\"negated\"/>\n    <Choice value=\"hedged\"/>\n  </Choices>\n"
        for target in targets {
            xml += "  <Choices name=\"stance-\(xmlEscaped(target.id))\" toName=\"text\" perRegion=\"true\" choice=\"single\" hint=\"\(xmlEscaped(target.text))\">\n"
            for label in stanceLabels { xml += "    <Choice value=\"\(xmlEscaped(label))\"/>\n" }
            xml += "  </Choices>\n"
        }
        xml += "</View>\n"
        return xml
    }

    static func xmlEscaped(_ text: String) -> String {
        var out = ""
        for scalar in ExportText.singleLine(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
