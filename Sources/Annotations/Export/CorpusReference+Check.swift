extension CorpusReference {
    /// Why `corpus` is not the corpus this reference was made on (a document missing or with
    /// another fingerprint), or nil when every recorded document is there with the same text.
    public func mismatch(with corpus: SegmentedCorpus) -> String? {
        var fingerprints: [String: String] = [:]
        var pretokenized = Set<String>()
        for document in corpus.documents {
            fingerprints[document.document.id] = document.document.fingerprint
            if document.document.isPretokenized { pretokenized.insert(document.document.id) }
        }
        for entry in documents {
            guard let fingerprint = fingerprints[entry.id] else { return "document '\(entry.id)' is missing" }
            if fingerprint != entry.fingerprint {
                return "document '\(entry.id)' has another text (fingerprint \(fingerprint.prefix(12))…, expected \(entry.fingerprint.prefix(12))…)"
            }
            if (entry.tokenization == DocumentEntry.given) != pretokenized.contains(entry.id) {
                return entry.tokenization == DocumentEntry.given
                    ? "document '\(entry.id)' was pre-tokenized (its own sentences and tokens), the corpus given segments it"
                    : "document '\(entry.id)' was segmented by the workbench, the corpus given brings its own tokens"
            }
        }
        return nil
    }
}
