public import Foundation

/// Reads transactions from CSV text with the columns `customer_id,date,amount` (a header row naming them, in any order;
/// dates as `YYYY-MM-DD` or `YYYYMMDD`, read as UTC days; amounts with a dot decimal separator).
public enum TransactionCSV {
    /// Parses the whole text; throws a `ScoringInputError` naming the first bad line and column.
    public static func parse(_ text: String) throws(ScoringInputError) -> [CustomerTransaction] {
        var lines = text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline).makeIterator()
        guard let header = lines.next() else { return [] }
        let names = header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let idColumn = names.firstIndex(of: "customer_id"),
            let dateColumn = names.firstIndex(where: { $0 == "date" || $0 == "order_date" }),
            let amountColumn = names.firstIndex(where: { $0 == "amount" || $0 == "revenue" })
        else {
            throw ScoringInputError(code: "invalid_csv", field: "line 1", message: "the header must name customer_id, date and amount")
        }
        var result: [CustomerTransaction] = []
        var lineNumber = 1
        while let line = lines.next() {
            lineNumber += 1
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count > max(idColumn, dateColumn, amountColumn) else {
                throw ScoringInputError(code: "invalid_csv", field: "line \(lineNumber)", message: "expected \(names.count) columns")
            }
            let id = fields[idColumn].trimmingCharacters(in: .whitespaces)
            guard let date = parseDay(fields[dateColumn].trimmingCharacters(in: .whitespaces)) else {
                throw ScoringInputError(code: "invalid_csv", field: "line \(lineNumber), column date", message: "not a date YYYY-MM-DD")
            }
            guard let amount = Double(fields[amountColumn].trimmingCharacters(in: .whitespaces)), amount.isFinite else {
                throw ScoringInputError(code: "invalid_csv", field: "line \(lineNumber), column amount", message: "not a number")
            }
            result.append(CustomerTransaction(customerID: id, date: date, amount: amount))
        }
        return result
    }

    /// A `YYYY-MM-DD` or `YYYYMMDD` day as the UTC midnight that starts it; nil when malformed.
    public static func parseDay(_ text: String) -> Date? {
        let digits = text.filter { $0 != "-" }
        guard digits.count == 8, digits.allSatisfy(\.isASCII), let number = Int(digits) else { return nil }
        let year = number / 10_000
        let month = (number / 100) % 100
        let day = number % 100
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: Double(days) * 86_400)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's civil-days algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
