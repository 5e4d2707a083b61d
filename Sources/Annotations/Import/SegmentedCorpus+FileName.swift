extension SegmentedCorpus {
    /// The documents files of an export hold, by the files' names without their extension: the
    /// document export writes under that name (``ExportText/fileName(_:escapingUppercase:)``: `a%2Fb`
    /// holds `a/b`, `%52utte` holds `Rutte`, `e%CC%81` holds `e` + U+0301, a cut long name its long id), else the document whose
    /// id is the name itself (a corpus read from such files, whose ids are their file names). Names
    /// of no document of the corpus are left out.
    func documentIDs(fileNames names: some Sequence<String>) -> [String: String] {
        var written: [String: String] = [:]  // export name → id
        var ids = Set<String>()
        for document in documents {
            let id = document.document.id
            ids.insert(id)
            for name in ExportText.fileNameChoices(id) { written[name] = id }
        }
        var result: [String: String] = [:]
        for name in names {
            if let id = written[name] {
                result[name] = id
            } else if ids.contains(name) {
                result[name] = name
            }
        }
        return result
    }
}
