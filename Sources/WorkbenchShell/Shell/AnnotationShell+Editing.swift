import Annotations
import Foundation

extension AnnotationShell {
    mutating func delete(_ arguments: [CommandWord]) throws(CommandError) -> [StyledLine] {
        guard arguments.count == 1, let id = arguments.first?.text else { throw .usage("usage: delete ID; e.g. delete C2 ('list' shows ids)") }
        guard let key = RecordKey.forID(id), state.record(key) != nil else {
            throw .rejected("there is no annotation \(TerminalText.sanitize(String(id.prefix(20)))); 'list' shows this sentence's ids")
        }
        _ = try perform(.delete(id))
        // Records removed and records kept but changed (a stance losing evidence) are told apart.
        let summary = state.undoStack.last?.summary ?? "deleted \(id)"
        // A deleted claim's proposal is pending again: listed, as after undo.
        return [StyledLine(summary, .success)] + currentLine() + proposalLines()
    }

    mutating func edit(_ arguments: [CommandWord], line: String) throws(CommandError) -> [StyledLine] {
        guard arguments.count >= 2, let id = arguments.first?.text else {
            throw .usage("usage: edit ID FIELD VALUE…; e.g. edit C1 form direct (see 'help edit')")
        }
        guard let key = RecordKey.forID(id), let record = state.record(key) else {
            throw .rejected("there is no annotation \(TerminalText.sanitize(String(id.prefix(20)))); 'list' shows this sentence's ids")
        }
        let field = arguments[1].text.lowercased()
        let values = arguments.dropFirst(2).map(\.text)
        let value = ShellArguments.unquoted(arguments.count > 2 ? String(line.unicodeScalars.dropFirst(arguments[2].start)) : "")
        func need(_ what: String) throws(CommandError) {
            if value.isEmpty { throw .usage("edit \(id) \(field) needs \(what)") }
        }
        func unknownField(_ fields: String) -> CommandError { .usage("\(record.kind) \(id) has no field '\(TerminalText.sanitize(field))'; fields: \(fields)") }
        func yesNo() throws(CommandError) -> Bool {
            switch value.lowercased() {
            case "yes", "y", "true", "on", "": return true
            case "no", "n", "false", "off": return false
            default: throw .usage("edit \(id) \(field) takes yes or no")
            }
        }
        var notices: [String] = []
        let updated: Record
        switch record {
        case .speaker(var speaker):
            switch field {
            case "name": try need("a name"); speaker.name = value
            case "kind":
                guard state.schema.speakerKinds.contains(value) else {
                    throw .rejected("'\(TerminalText.sanitize(value))' is not a speaker kind; use one of: \(state.schema.speakerKinds.joined(separator: ", "))")
                }
                speaker.kind = value
            case "alias":
                guard let action = values.first, ["add", "remove"].contains(action), values.count >= 2 else {
                    throw .usage("usage: edit \(id) alias add NAME | edit \(id) alias remove NAME")
                }
                let alias = ShellArguments.unquoted(String(line.unicodeScalars.dropFirst(arguments[3].start)))
                if action == "add" {
                    guard !speaker.aliases.contains(alias), speaker.name != alias else { throw .rejected("\(id) already has the name or alias „\(TerminalText.sanitize(alias))“") }
                    speaker.aliases.append(alias)
                } else {
                    guard speaker.aliases.contains(alias) else {
                        throw .rejected("\(id) has no alias „\(TerminalText.sanitize(alias))“; aliases: \(speaker.aliases.map { TerminalText.sanitize($0) }.joined(separator: ", "))")
                    }
                    speaker.aliases.removeAll { $0 == alias }
                }
            default: throw unknownField("name, kind, alias add|remove")
            }
            updated = .speaker(speaker)
        case .mention(var mention):
            switch field {
            case "speaker":
                let speaker = try resolveSpeaker(value).speaker
                if mention.speaker != speaker.id { notices.append(mention.speaker) }
                mention.speaker = speaker.id
            case "role": try need("a role or none"); mention.role = value == "none" ? nil : value
            case "span": try need("a span, e.g. 4-7"); mention.anchor = try anchor(for: try spanValue(arguments))
            default: throw unknownField("speaker, role, span")
            }
            updated = .mention(mention)
        case .claim(var claim):
            switch field {
            case "form":
                try need("a form or none")
                if value == "none" {
                    claim.form = nil
                } else {
                    guard state.schema.claimForms.contains(value) else {
                        throw .rejected("'\(TerminalText.sanitize(value))' is not a claim form; use one of: \(state.schema.claimForms.joined(separator: ", "))")
                    }
                    claim.form = value
                }
            case "by":
                try need("speakers (S1, M2, name; several separated by commas), add SPEAKER, remove SPEAKER, or none")
                let words = value.split(separator: " ", maxSplits: 1).map(String.init)
                if value == "none" {
                    claim.speakers = []
                    claim.mentions = []
                } else if words.count == 2, words[0] == "add" {
                    let added = try resolveSpeakers(words[1])
                    if let again = added.speakers.first(where: claim.speakers.contains) {
                        throw .rejected("\(again) is already a speaker of \(id); name each speaker once")
                    }
                    claim.speakers += added.speakers
                    claim.mentions += added.mentions
                } else if words.count == 2, words[0] == "remove" {
                    let removed = try resolveSpeakers(words[1]).speakers
                    if let absent = removed.first(where: { !claim.speakers.contains($0) }) {
                        throw .rejected("\(absent) is not a speaker of \(id); its speakers: \(claim.speakers.joined(separator: ", "))")
                    }
                    claim.speakers.removeAll(where: removed.contains)
                    claim.mentions.removeAll { state.mentions[$0].map { removed.contains($0.speaker) } ?? false }
                } else {
                    (claim.speakers, claim.mentions) = try resolveSpeakers(value)
                }
            case "to":
                try need("addressee mentions (M4, several separated by commas), add Mid, remove Mid, or none")
                let words = value.split(separator: " ", maxSplits: 1).map(String.init)
                if value == "none" {
                    claim.addressees = []
                } else if words.count == 2, words[0] == "add" {
                    let added = try resolveAddressees(words[1])
                    if let again = added.first(where: claim.addressees.contains) {
                        throw .rejected("\(again) is already an addressee of \(id); name each addressee once")
                    }
                    claim.addressees += added
                } else if words.count == 2, words[0] == "remove" {
                    let removed = try resolveAddressees(words[1])
                    if let absent = removed.first(where: { !claim.addressees.contains($0) }) {
                        throw .rejected("\(absent) is not an addressee of \(id); its addressees: \(claim.addressees.isEmpty ? "none" : claim.addressees.joined(separator: ", "))")
                    }
                    claim.addressees.removeAll(where: removed.contains)
                } else {
                    claim.addressees = try resolveAddressees(value)
                }
            case "cue":
                try need("a cue id or none")
                if value == "none" {
                    claim.cue = nil
                } else {
                    guard state.cues[value] != nil else { throw .rejected("there is no cue \(TerminalText.sanitize(value)); tag one with: cue SPAN") }
                    claim.cue = value
                }
            case "negated": claim.negated = try yesNo()
            case "hedged": claim.hedged = try yesNo()
            case "span": try need("a span, e.g. 4-12"); claim.anchor = try anchor(for: try spanValue(arguments), allowFollowing: true)
            default: throw unknownField("form, by, to, cue, negated, hedged, span")
            }
            updated = .claim(claim)
        case .cue(var cue):
            guard field == "span" else { throw unknownField("span") }
            try need("a span, e.g. 5,9")
            cue.anchor = try anchor(for: try spanValue(arguments))
            updated = .cue(cue)
        case .target(var target):
            guard field == "text" else { throw unknownField("text") }
            try need("a text")
            target.text = value
            updated = .target(target)
        case .stance(var stance):
            switch field {
            case "label":
                guard state.schema.stanceLabels.contains(value) else {
                    throw .rejected("'\(TerminalText.sanitize(value))' is not a stance label; use one of: \(state.schema.stanceLabels.joined(separator: ", "))")
                }
                stance.label = value
            case "evidence":
                let claims = values == ["none"] ? [] : values
                try checkEvidence(claims, speaker: stance.speaker)
                stance.evidence = claims
            default: throw unknownField("label, evidence")
            }
            updated = .stance(stance)
        case .note(var note):
            guard field == "text" else { throw unknownField("text") }
            try need("a text")
            note.text = value
            updated = .note(note)
        default:
            throw .usage("\(id) cannot be edited here")
        }
        guard updated != record else { return [StyledLine("\(id) unchanged", .dim)] }
        // A mention given another speaker gives it to the claims that cite it, so a claim's
        // mentions and speakers agree; all in this command, one step for undo.
        let following: [Claim]
        if case .mention(let mention) = updated, case .mention(let before) = record {
            following = state.claimsFollowing(mention, previousSpeaker: before.speaker)
        } else {
            following = []
        }
        try perform(.replace(updated))
        var claimNotices: [StyledLine] = []
        for claim in following {
            try perform(.replace(.claim(claim)))
            claimNotices.append(StyledLine("~ \(claim.id) is now by \(claim.speakers.joined(separator: ", ")) (it cites \(id))", .dim))
        }
        // A claim given other speakers is no longer evidence of the stances of those it lost.
        var evidenceNotices: [StyledLine] = []
        let changedClaims: [Claim]
        if case .claim(let claim) = updated { changedClaims = [claim] } else { changedClaims = following }
        for claim in changedClaims {
            for stance in state.stancesLosingEvidence(of: claim) {
                try perform(.replace(.stance(stance)))
                evidenceNotices.append(StyledLine("~ \(stance.id) no longer cites \(claim.id) as evidence (\(claim.id) is not by \(stance.speaker) now)", .dim))
            }
        }
        var confirmation = StyledLine("~ ", .success)
        confirmation.runs += describe(updated).runs
        // A speaker left without mentions is said, with how to remove or merge it.
        let orphans: [StyledLine]
        if case .mention(let mention) = updated {
            orphans = notices.compactMap { orphanNotice($0, replacedBy: mention.speaker) }
        } else {
            orphans = []
        }
        return [confirmation] + claimNotices + evidenceNotices + orphans + currentLine()
    }

    /// Refuses evidence that is no claim, or a claim a stance of `speaker` cannot cite (by other
    /// speakers only: `validate` would refuse the session).
    func checkEvidence(_ evidence: [String], speaker: String) throws(CommandError) {
        for claim in evidence where state.claims[claim] == nil {
            throw .rejected("there is no claim \(TerminalText.sanitize(claim)); evidence must be claim ids (C…)")
        }
        if let claim = state.evidence(evidence, notCitableBy: speaker) {
            throw .rejected("\(claim.id) is a claim by \(claim.speakers.joined(separator: ", ")), not by \(speaker): a claim is evidence of its own speakers' stances only; nothing changed")
        }
    }

    /// The span given to `edit ID span …`: one address, or several bare words as one text.
    private func spanValue(_ arguments: [CommandWord]) throws(CommandError) -> String {
        let words = arguments.dropFirst(2).map(\.text)
        if words.count == 1 { return words[0] }
        guard words.allSatisfy(SpanAddress.isBareWord) else {
            throw .usage("edit … span takes one span (join parts with commas, no spaces), e.g. edit C1 span 4-12 or edit Q1 span 5,9")
        }
        return "\"" + words.joined(separator: " ") + "\""
    }
}
