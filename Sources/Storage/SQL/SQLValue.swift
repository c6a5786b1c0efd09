import AutopilotCore
import Foundation

/// A typed SQL parameter or column value. Nulls keep their type so PostgreSQL knows the column's.
public enum SQLValue: Sendable, Hashable {
    case int(Int64?)
    case double(Double?)
    case text(String?)

    public static func date(_ date: Date?) -> SQLValue {
        .int(date.map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) })
    }

    public static func bool(_ value: Bool?) -> SQLValue { .int(value.map { $0 ? 1 : 0 }) }

    public static func integer(_ value: Int?) -> SQLValue { .int(value.map(Int64.init)) }

    public static func json(_ object: JSONObject) -> SQLValue { .text(JSONValue.object(object).jsonString) }

    public var isNull: Bool {
        switch self {
        case .int(let value): value == nil
        case .double(let value): value == nil
        case .text(let value): value == nil
        }
    }
}

/// One result row, read by column position.
public struct SQLRow: Sendable {
    public var values: [SQLValue]

    public init(_ values: [SQLValue]) { self.values = values }

    public func int(_ index: Int) -> Int64? {
        switch values[index] {
        case .int(let value): value
        case .double(let value): value.map { Int64($0) }
        case .text(let value): value.flatMap { Int64($0) }
        }
    }

    public func double(_ index: Int) -> Double? {
        switch values[index] {
        case .int(let value): value.map(Double.init)
        case .double(let value): value
        case .text(let value): value.flatMap { Double($0) }
        }
    }

    public func text(_ index: Int) -> String? {
        switch values[index] {
        case .int(let value): value.map(String.init)
        case .double(let value): value.map { "\($0)" }
        case .text(let value): value
        }
    }

    public func date(_ index: Int) -> Date? {
        int(index).map { Date(timeIntervalSince1970: Double($0) / 1000) }
    }

    public func bool(_ index: Int) -> Bool? { int(index).map { $0 != 0 } }

    public func json(_ index: Int) -> JSONObject {
        guard let text = text(index), let value = try? JSONParser.parse(text), case .object(let object) = value else { return JSONObject() }
        return object
    }
}

extension SQLValue {
    /// A total order for sorting rows by key: nulls first, then numbers, then text.
    func sortsBefore(_ other: SQLValue) -> Bool {
        func rank(_ value: SQLValue) -> Int {
            switch value {
            case .int(nil), .double(nil), .text(nil): 0
            case .int, .double: 1
            case .text: 2
            }
        }
        switch (self, other) {
        case (.int(let left?), .int(let right?)): return left < right
        case (.double(let left?), .double(let right?)): return left < right
        case (.int(let left?), .double(let right?)): return Double(left) < right
        case (.double(let left?), .int(let right?)): return left < Double(right)
        case (.text(let left?), .text(let right?)): return left < right
        default: return rank(self) < rank(other)
        }
    }
}
