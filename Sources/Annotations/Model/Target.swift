/// A proposition or topic that stances are about ("Nordkoreanische Truppen sind in Russland
/// stationiert"); it need not be mentioned in the text.
public struct Target: Sendable, Hashable, Codable {
    /// Identifier such as `T1`.
    public var id: String
    /// The proposition.
    public var text: String
    /// Who defined it.
    public var annotator: String
    /// Where the target came from, when it was not typed (imported, suggested, adjudicated, reviewed).
    public var origin: Origin?

    /// Creates a target.
    public init(id: String, text: String, annotator: String = "", origin: Origin? = nil) {
        self.id = id
        self.text = text
        self.annotator = annotator
        self.origin = origin
    }
}
