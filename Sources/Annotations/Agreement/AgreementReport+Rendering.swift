import Foundation

extension AgreementReport {
    /// The report as JSON: annotators, documents, warnings, unmatched speakers, measures (values
    /// `null` when undefined) and, when asked, the per-document breakdown and the disagreements.
    public func json(byDocument includeDocuments: Bool = false, disagreements includeDisagreements: Bool = false) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("annotators", .array(annotators.map(JSONValue.string))),
            ("documents", .array(documents.map(JSONValue.string))),
            ("warnings", .array(warnings.map(JSONValue.string))),
            ("unmatched_speakers", .array(unmatchedSpeakers.map(JSONValue.string))),
            ("measures", .array(measures.map(Self.json))),
        ]
        if includeDocuments {
            pairs.append(("by_document", .array(byDocument.map {
                .object([("document", .string($0.document)), ("measures", .array($0.measures.map(Self.json)))])
            })))
        }
        if includeDisagreements {
            pairs.append(("disagreements", .array(disagreements.map { item in
                var fields: [(String, JSONValue)] = [("layer", .string(item.layer))]
                if let sentence = item.sentence {
                    fields.append(("document", .string(sentence.document)))
                    fields.append(("sentence", .int(sentence.sentence)))
                }
                fields.append(("text", .string(item.text)))
                fields.append(("detail", .string(item.detail)))
                if let text = item.sentenceText { fields.append(("sentence_text", .string(text))) }
                return .object(fields)
            })))
        }
        return .object(pairs)
    }

    static func json(_ measure: AgreementMeasure) -> JSONValue {
        .object([
            ("layer", .string(measure.layer)), ("measure", .string(measure.measure)), ("scope", .string(measure.scope)),
            ("value", measure.value.map(JSONValue.double) ?? .null), ("items", .int(measure.items)),
        ])
    }

    /// The report as plain text tables; undefined values read `n/a`. `escape` is applied to every
    /// text taken from the sessions or the corpus (names, ids, quotes), so a line break in one
    /// never starts a line of its own.
    public func table(
        byDocument includeDocuments: Bool = false, disagreements includeDisagreements: Bool = false, escape: (String) -> String = { $0 }
    ) -> String {
        var out = "annotators: \(annotators.map(escape).joined(separator: ", "))\n"
        out += "documents scored: \(documents.count)\(documents.isEmpty ? "" : " (" + documents.map(escape).joined(separator: ", ") + ")")\n"
        for warning in warnings { out += "warning: \(escape(warning))\n" }
        if !unmatchedSpeakers.isEmpty { out += "unmatched speakers: \(unmatchedSpeakers.map(escape).joined(separator: "; "))\n" }
        out += "\n" + Self.table(measures, escape: escape)
        if includeDocuments {
            for (document, measures) in byDocument {
                out += "\ndocument \(escape(document))\n" + Self.table(measures, escape: escape)
            }
        }
        if includeDisagreements {
            out += "\ndisagreements: \(disagreements.count)\n"
            for item in disagreements {
                let place = item.sentence.map { escape("\($0)") + " " } ?? ""
                out += "- [\(item.layer)] \(place)\(item.text.isEmpty ? "" : escape(item.text) + " ")\(escape(item.detail))\n"
                if let text = item.sentenceText { out += "    \(escape(text))\n" }
            }
        }
        return out
    }

    static func table(_ measures: [AgreementMeasure], escape: (String) -> String = { $0 }) -> String {
        let header = ["layer", "measure", "scope", "value", "items"]
        let rows = measures.map { [$0.layer, $0.measure, escape($0.scope), $0.formattedValue, String($0.items)] }
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                i >= 3 ? String(repeating: " ", count: widths[i] - cell.count) + cell : cell + String(repeating: " ", count: widths[i] - cell.count)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces) + "\n"
        }
        return line(header) + rows.map(line).joined()
    }
}
