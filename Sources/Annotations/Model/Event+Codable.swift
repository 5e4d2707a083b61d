/// JSON form of an event: `{"seq":…,"time":…,"annotator":…,"action":"add","record":{…}}`;
/// `group` (the seq of the command's first event) when the event is not its command's first;
/// `delete` carries `id`, `status` carries `document`, `sentence`, `status`, `review` carries `review`.
extension Event: Codable {
    private enum CodingKeys: String, CodingKey {
        case seq, time, annotator, action, record, id, document, sentence, status, review, group
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        seq = try c.decode(Int.self, forKey: .seq)
        time = try c.decode(String.self, forKey: .time)
        annotator = try c.decode(String.self, forKey: .annotator)
        let group = try c.decodeIfPresent(Int.self, forKey: .group)
        self.group = group == seq ? nil : group
        let name = try c.decode(String.self, forKey: .action)
        switch name {
        case "add": action = .add(try c.decode(Record.self, forKey: .record))
        case "replace": action = .replace(try c.decode(Record.self, forKey: .record))
        case "delete": action = .delete(try c.decode(String.self, forKey: .id))
        case "status":
            action = .setStatus(
                SentenceKey(document: try c.decode(String.self, forKey: .document), sentence: try c.decode(Int.self, forKey: .sentence)),
                try c.decode(SentenceStatus.self, forKey: .status))
        case "review": action = .review(try c.decode(ReviewDecision.self, forKey: .review))
        case "undo": action = .undo
        case "redo": action = .redo
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .action, in: c,
                debugDescription: "unknown action '\(name)'; expected add, replace, delete, status, review, undo or redo")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(seq, forKey: .seq)
        try c.encode(time, forKey: .time)
        try c.encode(annotator, forKey: .annotator)
        try c.encode(action.name, forKey: .action)
        try c.encodeIfPresent(group, forKey: .group)
        switch action {
        case .add(let record), .replace(let record): try c.encode(record, forKey: .record)
        case .delete(let id): try c.encode(id, forKey: .id)
        case .setStatus(let key, let status):
            try c.encode(key.document, forKey: .document)
            try c.encode(key.sentence, forKey: .sentence)
            try c.encode(status, forKey: .status)
        case .review(let decision): try c.encode(decision, forKey: .review)
        case .undo, .redo: break
        }
    }
}
