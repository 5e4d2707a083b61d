/// A speaker that a name may refer to, and how sure ``SpeakerResolver`` is about it.
public struct SpeakerMatch: Sendable, Equatable {
    /// How a name matched a speaker's canonical name or one of its aliases, weakest first.
    enum Strength: Int, Sendable, Comparable {
        /// The name begins the known name ("Kim" for "Kim Yong-hyun"): worth suggesting, not linking.
        case prefix = 1
        /// The name ends the known name or the other way round ("Rutte" for "Mark Rutte").
        case surname = 2
        /// Equal but for a genitive -s ("Ruttes").
        case genitive = 3
        /// Equal after folding case and diacritics and dropping honorifics and titles.
        case exact = 4

        static func < (lhs: Strength, rhs: Strength) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The speaker.
    public var speaker: Speaker
    /// How well the name matched.
    var strength: Strength

    /// Whether the match is good enough to link without asking (anything but a bare prefix).
    public var isConfident: Bool { strength >= .surname }

    /// Creates a match.
    init(speaker: Speaker, strength: Strength) {
        self.speaker = speaker
        self.strength = strength
    }
}
