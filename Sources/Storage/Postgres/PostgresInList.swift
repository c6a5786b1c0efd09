/// A long `IN (?, ?, …)` list in a statement, whose values all are texts: the driver sends it as `= ANY($n::text[])`
/// with one array parameter. For values that are not null, `x IN (a, b)` and `x = ANY(ARRAY[a, b])` select the same
/// rows; a list with a null, a number, or after `NOT` stays as it was.
struct PostgresInList {
    /// Lists shorter than this stay as they are (a few placeholders cost nothing).
    static let minimumCount = 8

    let array: PostgresColumnArray
    /// Placeholders the list replaces.
    let count: Int
    /// The index just past the list's closing parenthesis.
    let end: Int

    /// The list starting at `start` (at its `IN`), whose first placeholder takes `values[next]`; nil if there is none.
    static func match(_ bytes: [UInt8], at start: Int, values: [SQLValue], next: Int) -> PostgresInList? {
        let opening = Array("IN (?".utf8)
        guard start > 0, bytes[start - 1] == UInt8(ascii: " "), start + opening.count <= bytes.count,
            bytes[start..<start + opening.count].elementsEqual(opening)
        else { return nil }
        if start >= 4, bytes[start - 4..<start].elementsEqual("NOT ".utf8) { return nil }
        var index = start + opening.count
        var count = 1
        let separator = Array(", ?".utf8)
        while index + separator.count <= bytes.count, bytes[index..<index + separator.count].elementsEqual(separator) {
            index += separator.count
            count += 1
        }
        guard count >= minimumCount, index < bytes.count, bytes[index] == UInt8(ascii: ")"), next + count <= values.count else { return nil }
        let listed = Array(values[next..<next + count])
        guard listed.allSatisfy({ if case .text(_?) = $0 { true } else { false } }), let array = PostgresColumnArray(values: listed) else {
            return nil
        }
        return PostgresInList(array: array, count: count, end: index + 1)
    }
}
