/// Splits condition text into tokens: numbers, "strings", identifiers and dotted paths, keywords and operators.
struct ConditionLexer {
    static let keywords: Set<String> = ["and", "or", "not", "in", "true", "false", "null"]
    private static let twoCharacterSymbols: Set<String> = ["==", "!=", "<=", ">="]
    private static let oneCharacterSymbols: Set<Character> = ["<", ">", "+", "-", "*", "/", "(", ")", "[", "]", ",", "."]

    static func tokenize(_ text: String) -> Result<[ConditionToken], ConditionError> {
        let characters = Array(text)
        var tokens: [ConditionToken] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let column = index + 1
            if character.isWhitespace {
                index += 1
            } else if character.isASCII, character.isNumber {
                var end = index
                while end < characters.count, characters[end].isASCII, characters[end].isNumber { end += 1 }
                if end + 1 < characters.count, characters[end] == ".", characters[end + 1].isASCII, characters[end + 1].isNumber {
                    end += 1
                    while end < characters.count, characters[end].isASCII, characters[end].isNumber { end += 1 }
                }
                guard let value = Double(String(characters[index..<end])), value.isFinite else {
                    return .failure(ConditionError(column: column, message: "\(String(characters[index..<end])) is not a number"))
                }
                tokens.append(ConditionToken(kind: .number(value), column: column))
                index = end
            } else if character == "\"" || character == "'" {
                var end = index + 1
                var value = ""
                while end < characters.count, characters[end] != character {
                    if characters[end] == "\\", end + 1 < characters.count {
                        end += 1
                    }
                    value.append(characters[end])
                    end += 1
                }
                guard end < characters.count else {
                    return .failure(ConditionError(column: column, message: "unterminated string"))
                }
                tokens.append(ConditionToken(kind: .string(value), column: column))
                index = end + 1
            } else if character.isLetter || character == "_" {
                var end = index
                while end < characters.count, characters[end].isLetter || characters[end].isNumber || characters[end] == "_" { end += 1 }
                let word = String(characters[index..<end])
                let kind: ConditionToken.Kind = keywords.contains(word) ? .keyword(word) : .identifier(word)
                tokens.append(ConditionToken(kind: kind, column: column))
                index = end
            } else if index + 1 < characters.count, twoCharacterSymbols.contains(String(characters[index...index + 1])) {
                tokens.append(ConditionToken(kind: .symbol(String(characters[index...index + 1])), column: column))
                index += 2
            } else if oneCharacterSymbols.contains(character) {
                tokens.append(ConditionToken(kind: .symbol(String(character)), column: column))
                index += 1
            } else if character == "=" {
                return .failure(ConditionError(column: column, message: "use == to compare, not ="))
            } else {
                return .failure(ConditionError(column: column, message: "unexpected character \"\(character)\""))
            }
        }
        tokens.append(ConditionToken(kind: .end, column: characters.count + 1))
        return .success(tokens)
    }
}
