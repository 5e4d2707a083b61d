/// One agreement figure: a measure of one layer for a pair of annotators or for all of them.
struct AgreementMeasure: Sendable, Hashable {
    /// The layer: mentions, cues, claims, attribution, stance, status.
    var layer: String
    /// The measure, e.g. `exact F1`, `form κ`, `α`.
    var measure: String
    /// `anna/ben` for a pair, `all` for every annotator.
    var scope: String
    /// The value; `nil` when the measure is undefined for the data (shown as `n/a`, JSON `null`).
    var value: Double?
    /// How many items (spans, pairs, units) the value rests on.
    var items: Int

    /// Creates a measure.
    init(layer: String, measure: String, scope: String, value: Double?, items: Int) {
        self.layer = layer
        self.measure = measure
        self.scope = scope
        self.value = value
        self.items = items
    }

    /// The value with three decimals, or `n/a` when undefined.
    var formattedValue: String {
        guard let value else { return "n/a" }
        return String(format: "%.3f", value)
    }
}
