/// The notes a session holds by subject and text, so that a note is added only once without
/// going through all of them for each note added.
struct NotesPresent: Sendable {
    private struct Place: Hashable, Sendable {
        let subject: Note.Subject
        let text: String
    }

    private var places: Set<Place> = []

    /// No notes.
    init() {}

    /// The notes in `notes`.
    init(_ notes: some Sequence<Note>) {
        for note in notes { places.insert(Place(subject: note.subject, text: note.text)) }
    }

    /// Records a note with `subject` and `text`; false when one was already there.
    mutating func insert(subject: Note.Subject, text: String) -> Bool {
        places.insert(Place(subject: subject, text: text)).inserted
    }
}
