import Foundation

/// Values looked up by annotation id, built once per export: the ids the workbench makes (an
/// upper-case letter and a number without leading zeros, `M12`, `Q3`, `S7`) sit in one array per
/// letter indexed by the number, so a look-up parses a few ASCII bytes instead of hashing a string;
/// any other spelling (imported ids, very large numbers) goes to a dictionary. Behaves exactly like
/// a `[String: Value]`: the canonical spelling of a number is unique, and a string takes a slot
/// when its NFC form is that spelling, so two ids share a slot exactly when `String` calls them equal.
struct ExportIDTable<Value: Sendable>: Sendable {
    /// Slots per letter A–Z, indexed by the id's number.
    private var slots: [[Value?]] = Array(repeating: [], count: 26)
    /// Ids not of the canonical form.
    private var other: [String: Value] = [:]

    /// Numbers above this go to the dictionary (keeps the arrays small whatever the ids).
    static var largestSlot: Int { 1 << 24 }

    /// An empty table.
    init() {}

    /// The letter (0 for A) and number of a canonical id, or nil. A string is equal to a canonical
    /// id when its NFC form is that id (`\u{212A}1`, with a Kelvin sign, is `K1`), so an id with
    /// other than ASCII bytes is looked at in NFC.
    static func slot(_ id: String) -> (letter: Int, number: Int)? {
        if let found = asciiSlot(id) { return found }
        guard id.utf8.contains(where: { $0 >= 0x80 }) else { return nil }
        return asciiSlot(id.precomposedStringWithCanonicalMapping)
    }

    /// ``slot(_:)`` for the bytes as they are.
    private static func asciiSlot(_ id: String) -> (letter: Int, number: Int)? {
        // Read through a pointer to the bytes (walking `utf8` checks each step; a small string's
        // bytes are put on the stack for the call).
        var id = id
        return id.withUTF8 { asciiSlot(bytes: $0) }
    }

    /// ``asciiSlot(_:)`` of an id's UTF-8 bytes.
    private static func asciiSlot(bytes: UnsafeBufferPointer<UInt8>) -> (letter: Int, number: Int)? {
        var letter = -1, number = 0, digits = 0
        for byte in bytes {
            if letter < 0 {
                guard byte >= 0x41 && byte <= 0x5A else { return nil }
                letter = Int(byte - 0x41)
                continue
            }
            guard byte >= 0x30 && byte <= 0x39, !(digits == 0 && byte == 0x30), digits < 8 else { return nil }
            number = number * 10 + Int(byte - 0x30)
            digits += 1
        }
        guard letter >= 0, digits > 0, number <= largestSlot else { return nil }
        return (letter, number)
    }

    /// ``slot(_:)`` as one number (letter × 2³² + number), or -1 for an id that has none.
    static func packedSlot(_ id: String) -> Int {
        guard let (letter, number) = slot(id) else { return -1 }
        return letter << 32 | number
    }

    /// Sets the value of the id whose ``packedSlot(_:)`` is `packed` (not -1).
    mutating func set(packedSlot packed: Int, _ value: Value) {
        let letter = packed >> 32, number = packed & 0xFFFF_FFFF
        if number >= slots[letter].count {
            let size = max(number + 1, slots[letter].count * 2)
            slots[letter].append(contentsOf: repeatElement(nil, count: size - slots[letter].count))
        }
        slots[letter][number] = value
    }

    /// The value for `id`, if any.
    subscript(id: String) -> Value? {
        get {
            guard let (letter, number) = Self.slot(id) else { return other.isEmpty ? nil : other[id] }
            // Read in place (a copy of the letter's array retains and releases it per look-up).
            return number < slots[letter].count ? slots[letter][number] : nil
        }
        set {
            guard let (letter, number) = Self.slot(id) else {
                other[id] = newValue
                return
            }
            if number >= slots[letter].count {
                guard newValue != nil else { return }
                let size = max(number + 1, slots[letter].count * 2)
                slots[letter].append(contentsOf: repeatElement(nil, count: size - slots[letter].count))
            }
            slots[letter][number] = newValue
        }
    }

    /// Takes every value of `other` (over this table's value for the same id).
    mutating func merge(_ other: ExportIDTable) {
        for letter in other.slots.indices where !other.slots[letter].isEmpty {
            let theirs = other.slots[letter]
            if slots[letter].isEmpty {
                slots[letter] = theirs
                continue
            }
            if theirs.count > slots[letter].count {
                slots[letter].append(contentsOf: repeatElement(nil, count: theirs.count - slots[letter].count))
            }
            for (number, value) in theirs.enumerated() where value != nil { slots[letter][number] = value }
        }
        for (id, value) in other.other { self.other[id] = value }
    }

    /// Whether `id` has a value.
    func contains(_ id: String) -> Bool { self[id] != nil }
}
