extension Unicode.Scalar {
    /// The scalar's code point as Unicode writes it, `U+` and at least four uppercase hex digits
    /// (`U+00AD`, `U+202E`, `U+1F600`): how messages and terminal placeholders name a character
    /// that must not be shown as it is.
    public var codePoint: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
