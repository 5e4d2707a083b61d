/// The letters a proposal is typed by (`y b`, `x ab`): its place among all the sentence's
/// proposals, counted a, b, …, z, then aa, ab, …, az, ba, … (as spreadsheet columns are), so every
/// proposal has one however many the sentence has, and the first 26 keep the single letters they
/// always had.
struct ProposalLetter: Hashable, Sendable, CustomStringConvertible {
    /// The 0-based place among the sentence's proposals.
    let place: Int

    init(place: Int) {
        self.place = place
    }

    /// The place a typed letter names (upper case folded), or nil when the text is not letters a–z.
    init?(typed text: String) {
        guard !text.isEmpty, text.unicodeScalars.count <= 6 else { return nil }
        var number = 0
        for scalar in text.lowercased().unicodeScalars {
            guard scalar.value >= 0x61, scalar.value <= 0x7A else { return nil }
            number = number * 26 + Int(scalar.value - 0x61) + 1
        }
        place = number - 1
    }

    /// The letters as shown and typed: `a` for the first, `aa` for the 27th.
    var description: String {
        var scalars: [Unicode.Scalar] = []
        var number = place + 1
        while number > 0 {
            let digit = (number - 1) % 26
            scalars.append(Unicode.Scalar(UInt8(0x61 + digit)))
            number = (number - 1) / 26
        }
        return String(String.UnicodeScalarView(scalars.reversed()))
    }
}
