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
        // Tasks are written as pretty JSON bytes on all cores (``ExportPrettyJSON``, the bytes
        // `JSONValue.array(tasks).pretty()` would write for them all) and handed on in order: no
        // JSON tree is built and the whole array is never held.
        out.begin("tasks.json")
        let count = bundle.documents.count
        if count == 0 { out.append("[]") }
        ExportDocumentParts.build(bundle) { index in
            var json = ExportPrettyJSON(level: 1)
            // The text twice (`data.text`, the covered texts), under 900 bytes per region at the
            // benchmark's million annotations (``ExportBundle/partCapacity(document:perTextByte:perSegment:)``).
            json.out.bytes.reserveCapacity(bundle.partCapacity(document: index, perTextByte: 2, perSegment: 1024))
            json.out.append(index == 0 ? "[\n  " : ",\n  ")
            Self.task(bundle, document: index, firstMention: firstMentions, to: &json)
            if index == count - 1 { json.out.append("\n]") }
            return json.bytes
        } _: { _, bytes in
            out.appendPart(bytes)
        }
        out.append("\n")
        out.end()
    }

    /// Writes the task of one document: its data and one annotation per session.
    static func task(_ bundle: ExportBundle, document index: Int, firstMention: [[String: String]], to json: inout ExportPrettyJSON) {
        let document = bundle.documents[index]
        json.openObject()
        json.key("id")
        json.int(index + 1)
        json.key("data")
        json.openObject()
        json.pair("text", document.document.text)
        json.pair("document", document.document.id)
        json.key("title")
        if let title = document.document.title { json.string(title) } else { json.null() }
        if index == 0 {
            json.key("workbench")
            Self.workbenchData(bundle, to: &json)
        }
        json.closeObject()
        json.key("annotations")
        json.openArray()
        for session in bundle.sessions.indices {
            json.item()
            json.openObject()
            json.key("result")
            Self.results(bundle, document: index, session: session, firstMention: firstMention[session], to: &json)
            json.key("meta")
            json.openObject()
            json.pair("session", bundle.sessions[session].label)
            json.pair("annotator", bundle.sessions[session].annotator)
            json.closeObject()
            json.closeObject()
        }
        json.closeArray()
        json.closeObject()
    }

    /// A `relation` result, written after all the regions of its session and document.
    private struct Relation {
        var from: String
        var to: String
        var label: StaticString
    }

    /// The `from_name` of a per-region result: a fixed control name (nothing in it to escape) or
    /// one made from a target id (`stance-T1`).
    private enum RegionName {
        case fixed(StaticString)
        case text(String)
    }

    /// Writes the results of one session in one document (an array).
    static func results(_ bundle: ExportBundle, document: Int, session: Int, firstMention: [String: String], to json: inout ExportPrettyJSON) {
        var relations: [Relation] = []
        let state = bundle.sessions[session].state
        var speakerTexts: [String: String] = [:]
        func speakerText(_ id: String) -> String {
            if let known = speakerTexts[id] { return known }
            let text = "\(id) \(state.speakers[id]?.name ?? "")".trimmingCharacters(in: .whitespaces)
            speakerTexts[id] = text
            return text
        }
        json.openArray()
        for span in bundle.spans[document] where span.session == session {
            let id = span.id
            // The fixed names and values are copied as they are (nothing in them to escape), and
            // no array is made for a region's one label or value.
            let label = span.kind.staticLabel
            for (piece, segment) in span.segments.enumerated() {
                json.item()
                json.openObject()
                json.key("id")
                if piece == 0 {
                    json.string(id)
                } else {
                    json.string("\(id)~\(piece + 1)")
                }
                json.pair("from_name", plain: "label")
                json.pair("to_name", plain: "text")
                json.pair("type", plain: "labels")
                json.pair("origin", plain: "manual")
                json.key("value")
                json.openObject()
                json.key("start")
                json.int(segment.start)
                json.key("end")
                json.int(segment.end)
                json.key("text")
                json.string(bundle, document: document, segment.start, segment.end)
                json.key("labels")
                json.strings(plain: label)
                json.closeObject()
                json.closeObject()
            }
            let first = span.segments[0]
            /// A per-region result on the first piece: `from_name` is `name`, `type` is `type`, and
            /// `values` writes the value of `value.key` (straight out: no array made for it).
            func region(_ name: RegionName, _ type: StaticString, _ key: StaticString, _ values: () -> Void) {
                json.item()
                json.openObject()
                json.pair("id", id)
                json.key("from_name")
                switch name {
                case .fixed(let name): json.plain(name)
                case .text(let name): json.string(name)
                }
                json.pair("to_name", plain: "text")
                json.pair("type", plain: type)
                json.pair("origin", plain: "manual")
                json.key("value")
                json.openObject()
                json.key("start")
                json.int(first.start)
                json.key("end")
                json.int(first.end)
                json.key(key)
                values()
                json.closeObject()
                json.closeObject()
            }
            /// An array of one string (as ``ExportPrettyJSON/strings(_:)`` writes `[value]`).
            func one(_ value: String) {
                json.openArray()
                json.item()
                json.string(value)
                json.closeArray()
            }
            if !span.speakers.isEmpty {
                region(.fixed("speaker"), "textarea", "text") {
                    json.openArray()
                    for speaker in span.speakers {
                        json.item()
                        json.string(speakerText(speaker))
                    }
                    json.closeArray()
                }
            }
            if let role = span.role { region(.fixed("role"), "textarea", "text") { one(role) } }
            if let form = span.form { region(.fixed("form"), "choices", "choices") { one(form) } }
            if span.negated || span.hedged {
                region(.fixed("flags"), "choices", "choices") {
                    json.openArray()
                    if span.negated {
                        json.item()
                        json.plain("negated")
                    }
                    if span.hedged {
                        json.item()
                        json.plain("hedged")
                    }
                    json.closeArray()
                }
            }
            if span.kind == .claim, let attributes = span.attributes, !attributes.isEmpty {
                region(.fixed("attributes"), "textarea", "text") {
                    json.strings(attributes.keys.sorted().map { "\($0)=\(attributes[$0] ?? "")" })
                }
            }
            if span.kind == .speaker, let speaker = span.speaker, firstMention[speaker] == id {
                for stance in bundle.stances[session] where stance.speaker == speaker {
                    region(.text("stance-\(stance.target)"), "choices", "choices") { one(stance.label) }
                }
            }
            func link(_ label: StaticString, _ target: String) {
                guard bundle.location(session: session, id: target)?.document == document else { return }
                relations.append(Relation(from: id, to: target, label: label))
            }
            for target in span.mentions { link("speaker", target) }
            for target in span.addressees { link("addressee", target) }
            if let cue = span.cue { link("cue", cue) }
        }
        for relation in relations {
            json.item()
            json.openObject()
            json.pair("from_id", relation.from)
            json.pair("to_id", relation.to)
            json.pair("type", plain: "relation")
            json.pair("direction", plain: "right")
            json.key("labels")
            json.strings(plain: relation.label)
            json.closeObject()
        }
        json.closeArray()
    }

    /// Writes what Label Studio has no place for, per session (an array).
    static func workbenchData(_ bundle: ExportBundle, to json: inout ExportPrettyJSON) {
        json.openArray()
        for session in bundle.sessions.indices {
            let exportSession = bundle.sessions[session]
            json.item()
            json.openObject()
            json.pair("session", exportSession.label)
            json.pair("annotator", exportSession.annotator)
            json.key("speakers")
            json.openArray()
            for speaker in bundle.speakers[session] {
                json.item()
                json.openObject()
                json.pair("id", speaker.id)
                json.pair("name", speaker.name)
                json.pair("kind", speaker.kind)
                json.key("aliases")
                json.strings(speaker.aliases)
                json.pair("annotator", speaker.annotator)
                json.closeObject()
            }
            json.closeArray()
            json.key("targets")
            json.openArray()
            for target in bundle.targets[session] {
                json.item()
                json.openObject()
                json.pair("id", target.id)
                json.pair("text", target.text)
                json.pair("annotator", target.annotator)
                json.closeObject()
            }
            json.closeArray()
            json.key("stances")
            json.openArray()
            for stance in bundle.stances[session] {
                json.item()
                json.openObject()
                json.pair("id", stance.id)
                json.pair("speaker", stance.speaker)
                json.pair("target", stance.target)
                json.pair("label", stance.label)
                json.key("evidence")
                json.strings(stance.evidence)
                json.pair("annotator", stance.annotator)
                json.closeObject()
            }
            json.closeArray()
            json.closeObject()
        }
        json.closeArray()
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
        // XML 1.0 cannot hold a C0 control at all: controls are shown (``ExportControlCharacters``).
        for scalar in ExportControlCharacters.shown(ExportText.singleLine(text)).unicodeScalars {
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
