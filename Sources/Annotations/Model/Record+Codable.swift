/// JSON form of a record: the record's own fields plus `"type"` (speaker, mention, cue, claim,
/// target, stance, note, status, review, rejection).
extension Record: Codable {
    private enum KindKey: String, CodingKey { case kind = "type", document, sentence, status }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: KindKey.self)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "speaker": self = .speaker(try Speaker(from: decoder))
        case "mention": self = .mention(try Mention(from: decoder))
        case "cue": self = .cue(try Cue(from: decoder))
        case "claim": self = .claim(try Claim(from: decoder))
        case "target": self = .target(try Target(from: decoder))
        case "stance": self = .stance(try Stance(from: decoder))
        case "note": self = .note(try Note(from: decoder))
        case "review": self = .review(try ReviewDecision(from: decoder))
        case "rejection": self = .rejection(try Rejection(from: decoder))
        case "status":
            self = .status(
                SentenceKey(document: try container.decode(String.self, forKey: .document), sentence: try container.decode(Int.self, forKey: .sentence)),
                try container.decode(SentenceStatus.self, forKey: .status))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container,
                debugDescription: "unknown type '\(kind)'; expected speaker, mention, cue, claim, target, stance, note, status, review or rejection")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: KindKey.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .speaker(let value): try value.encode(to: encoder)
        case .mention(let value): try value.encode(to: encoder)
        case .cue(let value): try value.encode(to: encoder)
        case .claim(let value): try value.encode(to: encoder)
        case .target(let value): try value.encode(to: encoder)
        case .stance(let value): try value.encode(to: encoder)
        case .note(let value): try value.encode(to: encoder)
        case .review(let value): try value.encode(to: encoder)
        case .rejection(let value): try value.encode(to: encoder)
        case .status(let key, let status):
            try container.encode(key.document, forKey: .document)
            try container.encode(key.sentence, forKey: .sentence)
            try container.encode(status, forKey: .status)
        }
    }
}
