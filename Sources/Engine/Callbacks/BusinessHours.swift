import Foundation
import AutopilotCore

/// When the team takes calls, by weekday, in the tenant's time zone: `mon-fri 09:00-18:00` by default. Written as
/// day groups and their ranges, `;` between groups: `mon-fri 09:00-12:30,14:00-18:00; sat 10:00-13:00` (French day
/// names too: `lun-ven 9:00-18:00`). A day not named is closed. Pure.
public struct BusinessHours: Sendable, Hashable, CustomStringConvertible {
    /// Minutes after midnight, `start` included, `end` excluded; `end` may be 24:00.
    public struct Range: Sendable, Hashable {
        public var start: Int
        public var end: Int

        public init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }
    }

    /// Seven lists of ranges, Monday first, each sorted and without overlaps.
    public private(set) var days: [[Range]]

    public init(days: [[Range]]) {
        var days = Array(days.prefix(7))
        while days.count < 7 { days.append([]) }
        self.days = days.map { $0.sorted { $0.start < $1.start } }
    }

    /// Monday to Friday, 9:00 to 18:00.
    public static let standard = BusinessHours(days: Array(repeating: [Range(start: 540, end: 1_080)], count: 5) + [[], []])

    static let dayNames: [[String]] = [
        ["mon", "monday", "lun", "lundi"], ["tue", "tuesday", "mar", "mardi"], ["wed", "wednesday", "mer", "mercredi"],
        ["thu", "thursday", "jeu", "jeudi"], ["fri", "friday", "ven", "vendredi"], ["sat", "saturday", "sam", "samedi"],
        ["sun", "sunday", "dim", "dimanche"],
    ]

    /// Reads the written form; throws naming `business_hours` and what is wrong.
    public static func parse(_ text: String) throws -> BusinessHours {
        var days: [[Range]] = Array(repeating: [], count: 7)
        let groups = text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !groups.isEmpty else { throw invalid("is empty: write days and hours such as \"mon-fri 09:00-18:00\"") }
        for group in groups {
            let parts = group.split(whereSeparator: \.isWhitespace)
            guard parts.count == 2 else { throw invalid("\"\(group)\" is not days then hours, such as \"mon-fri 09:00-18:00\"") }
            let ranges = try parts[1].split(separator: ",").map { try range(String($0), in: group) }
            for day in try weekdays(String(parts[0]), in: group) {
                days[day] += ranges
            }
        }
        for (index, ranges) in days.enumerated() {
            let sorted = ranges.sorted { $0.start < $1.start }
            for (earlier, later) in zip(sorted, sorted.dropFirst()) where later.start < earlier.end {
                throw invalid("the hours of \(dayNames[index][0]) overlap")
            }
            days[index] = sorted
        }
        return BusinessHours(days: days)
    }

    /// The canonical written form, e.g. `mon-fri 09:00-18:00; sat 10:00-13:00`.
    public var description: String {
        var groups: [String] = []
        var index = 0
        while index < 7 {
            guard !days[index].isEmpty else {
                index += 1
                continue
            }
            var last = index
            while last + 1 < 7, days[last + 1] == days[index] { last += 1 }
            let names = last == index ? Self.dayNames[index][0] : "\(Self.dayNames[index][0])-\(Self.dayNames[last][0])"
            groups.append(names + " " + days[index].map { "\(Self.clock($0.start))-\(Self.clock($0.end))" }.joined(separator: ","))
            index = last + 1
        }
        return groups.isEmpty ? "closed" : groups.joined(separator: "; ")
    }

    /// Whether any day has hours.
    public var isOpenSomeDay: Bool { days.contains { !$0.isEmpty } }

    static func clock(_ minutes: Int) -> String {
        let hours = minutes / 60, rest = minutes % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
    }

    static func weekdays(_ text: String, in group: String) throws -> [Int] {
        let bounds = text.lowercased().split(separator: "-").map(String.init)
        let indexes = try bounds.map { name in
            guard let index = dayNames.firstIndex(where: { $0.contains(name) }) else {
                throw invalid("\"\(name)\" in \"\(group)\" is not a day (mon … sun, lun … dim)")
            }
            return index
        }
        switch indexes.count {
        case 1: return indexes
        case 2 where indexes[0] <= indexes[1]: return Array(indexes[0]...indexes[1])
        default: throw invalid("\"\(text)\" in \"\(group)\" is not a day or a range of days such as mon-fri")
        }
    }

    static func range(_ text: String, in group: String) throws -> Range {
        let bounds = text.split(separator: "-").map(String.init)
        guard bounds.count == 2, let start = minutes(bounds[0]), let end = minutes(bounds[1]), start < end else {
            throw invalid("\"\(text)\" in \"\(group)\" is not a range of hours such as 09:00-18:00")
        }
        return Range(start: start, end: end)
    }

    /// `9`, `9:30`, `09:30`, `9h30`, `24:00` → minutes after midnight.
    static func minutes(_ text: String) -> Int? {
        let parts = text.lowercased().replacingOccurrences(of: "h", with: ":").split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let hours = Int(parts[0]), parts[0].count <= 2 else { return nil }
        let minutes = parts.count == 2 && !parts[1].isEmpty ? Int(parts[1]) : 0
        guard let minutes, parts.count == 1 || parts[1].count <= 2, (0...59).contains(minutes), (0...24).contains(hours) else { return nil }
        let total = hours * 60 + minutes
        return total <= 1_440 ? total : nil
    }

    static func invalid(_ reason: String) -> ValidationError {
        ValidationError(code: "invalid_business_hours", field: "business_hours", message: reason)
    }
}
