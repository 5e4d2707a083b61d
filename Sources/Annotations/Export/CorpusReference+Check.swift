extension CorpusReference {
    /// Why `corpus` is not the corpus this reference was made on (a document missing or with
    /// another fingerprint), or nil when every recorded document is there with the same text.
    public func mismatch(with corpus: SegmentedCorpus) -> String? {
        var fingerprints: [String: String] = [:]
        for document in corpus.documents { fingerprints[document.document.id] = document.document.fingerprint }
        for entry in documents {
            guard let fingerprint = fingerprints[entry.id] else { return "document '\(entry.id)' is missing" }
            if fingerprint != entry.fingerprint {
                return "document '\(entry.id)' has another text (fingerprint \(fingerprint.prefix(12))…, expected \(entry.fingerprint.prefix(12))…)"
            }
        }
        return nil
    }
}
