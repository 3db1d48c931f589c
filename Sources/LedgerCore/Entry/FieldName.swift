/// The name of a body's member: every name format v1 defines (docs/FORMAT.md), for every kind
/// and for the objects nested in them.
///
/// The cases are in canonical order, and a name's raw value is its *slot*: the
/// ``FlatObjectScanner`` files each member of a body at its name's slot, so a kind reading a
/// field finds it at a known place, and the members of a canonical body have strictly increasing
/// slots. Being cases, the names cost nothing to pass: the hot path of every verification names
/// about fifteen of them an entry.
public enum FieldName: Int, CaseIterable, Sendable {
    case account, allocated, amount, appropriations, at, bp, by, capital, category, channel, `class`, counterparty,
         currency, date, distributable, from, head, holder, household, id, idMasked, key, kind, members, name,
         org, origin, pool, poor, postingEnd, postingStart, prev, purpose, reason, rebate, recordDate, reference, region, residual, returnBp,
         role, rule, seq, source, target, to, units, v, village

    /// The name as a body spells it (the case's own name: there is no `description` to stand
    /// in its way).
    public var text: String { FieldSlots.names[rawValue] }

    /// The name's place in canonical order, and its bit in a set of slots.
    var slot: Int { rawValue }
}
