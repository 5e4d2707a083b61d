/// Placeholder.
public struct CoNLLUExporter: Exporter {
    public init() {}
    public var format: ExportFormat { .brat }
    public func export(_ bundle: ExportBundle) -> [ExportFile] { [] }
}
