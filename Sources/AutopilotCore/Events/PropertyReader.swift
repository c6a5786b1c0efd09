import Foundation

/// Reads typed fields out of a JSON object, failing with the field's path and the reason.
struct PropertyReader {
    let object: JSONObject
    let path: String

    init(_ object: JSONObject, path: String) {
        self.object = object
        self.path = path
    }

    func field(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func fail(_ key: String, _ message: String) -> ValidationError {
        ValidationError(field: field(key), message: message)
    }

    private func present(_ key: String) -> JSONValue? {
        guard let value = object[key], !value.isNull else { return nil }
        return value
    }

    func string(_ key: String, maxLength: Int = 2_000) throws(ValidationError) -> String? {
        guard let value = present(key) else { return nil }
        guard case .string(let string) = value else { throw fail(key, "must be a string, not \(value.kindName)") }
        guard string.count <= maxLength else { throw fail(key, "is longer than \(maxLength) characters") }
        return string
    }

    func requiredString(_ key: String, maxLength: Int = 2_000) throws(ValidationError) -> String {
        guard let string = try string(key, maxLength: maxLength) else { throw fail(key, "is required") }
        guard !string.isBlank else { throw fail(key, "must not be empty") }
        return string
    }

    /// An identifier sent as a string or an integer (shops number their orders).
    func identifier(_ key: String) throws(ValidationError) -> String? {
        guard let value = present(key) else { return nil }
        switch value {
        case .string(let string):
            let trimmed = string.trimmedWhitespace
            guard !trimmed.isEmpty else { throw fail(key, "must not be empty") }
            guard trimmed.count <= 200 else { throw fail(key, "is longer than 200 characters") }
            return trimmed
        case .int(let number): return String(number)
        default: throw fail(key, "must be a string or an integer, not \(value.kindName)")
        }
    }

    func requiredIdentifier(_ key: String) throws(ValidationError) -> String {
        guard let identifier = try identifier(key) else { throw fail(key, "is required") }
        return identifier
    }

    func number(_ key: String, minimum: Double? = nil, maximum: Double? = nil) throws(ValidationError) -> Double? {
        guard let value = present(key) else { return nil }
        guard let number = value.doubleValue else { throw fail(key, "must be a number, not \(value.kindName)") }
        if let minimum, number < minimum { throw fail(key, "must be at least \(JSONValue.format(minimum)), got \(JSONValue.format(number))") }
        if let maximum, number > maximum { throw fail(key, "must be at most \(JSONValue.format(maximum)), got \(JSONValue.format(number))") }
        return number
    }

    func requiredNumber(_ key: String, minimum: Double? = nil, maximum: Double? = nil) throws(ValidationError) -> Double {
        guard let number = try number(key, minimum: minimum, maximum: maximum) else { throw fail(key, "is required") }
        return number
    }

    /// The largest amount of money an event may carry (a price, a total, a refund): a billion in any currency. Sums of
    /// such amounts stay finite, so no stored total can break a read.
    static let maximumAmount = 1_000_000_000.0

    /// An amount of money: a number from 0 to `maximumAmount`.
    func amount(_ key: String) throws(ValidationError) -> Double? {
        try number(key, minimum: 0, maximum: Self.maximumAmount)
    }

    func requiredAmount(_ key: String) throws(ValidationError) -> Double {
        try requiredNumber(key, minimum: 0, maximum: Self.maximumAmount)
    }

    func integer(_ key: String, minimum: Int64? = nil, maximum: Int64? = nil) throws(ValidationError) -> Int? {
        guard let value = present(key) else { return nil }
        guard let number = value.intValue else { throw fail(key, "must be an integer, not \(value.kindName)") }
        if let minimum, number < minimum { throw fail(key, "must be at least \(minimum), got \(number)") }
        if let maximum, number > maximum { throw fail(key, "must be at most \(maximum), got \(number)") }
        return Int(number)
    }

    func bool(_ key: String) throws(ValidationError) -> Bool? {
        guard let value = present(key) else { return nil }
        guard case .bool(let bool) = value else { throw fail(key, "must be true or false, not \(value.kindName)") }
        return bool
    }

    func object(_ key: String) throws(ValidationError) -> JSONObject? {
        guard let value = present(key) else { return nil }
        guard case .object(let object) = value else { throw fail(key, "must be an object, not \(value.kindName)") }
        return object
    }

    func currency(_ key: String) throws(ValidationError) -> String {
        let code = try requiredString(key, maxLength: 40).uppercased()
        guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw fail(key, "must be a three-letter ISO 4217 code such as EUR")
        }
        return code
    }

    func channel(_ key: String) throws(ValidationError) -> Channel {
        let raw = try requiredString(key, maxLength: 20)
        guard let channel = Channel(rawValue: raw.lowercased()) else {
            throw fail(key, "\"\(raw)\" is not a channel (email, sms, whatsapp)")
        }
        return channel
    }

    func lines(_ key: String, required: Bool) throws(ValidationError) -> [OrderLine] {
        guard let value = present(key) else {
            if required { throw fail(key, "is required") }
            return []
        }
        guard case .array(let items) = value else { throw fail(key, "must be an array, not \(value.kindName)") }
        guard items.count <= 1_000 else { throw fail(key, "has more than 1000 lines") }
        var lines: [OrderLine] = []
        lines.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            let linePath = "\(field(key))[\(index)]"
            guard case .object(let object) = item else {
                throw ValidationError(field: linePath, message: "must be an object, not \(item.kindName)")
            }
            let reader = PropertyReader(object, path: linePath)
            let sku = try reader.requiredIdentifier("sku")
            let quantity = try reader.integer("quantity", minimum: 1, maximum: 1_000_000) ?? 1
            let price = try reader.requiredAmount("price")
            lines.append(OrderLine(sku: sku, quantity: quantity, price: price))
        }
        return lines
    }
}
