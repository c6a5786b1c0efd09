import AutopilotCore
import Foundation
import Logging

extension LLMGateway {
    /// Tries one provider: up to `maxAttemptsPerProvider` attempts with backoff, plus one repair attempt when a
    /// structured answer fails its schema. Returns nil (after appending the failures) when the chain should move on.
    func attempt(
        _ provider: any LLMProvider, breaker: CircuitBreaker, request: LLMRequest, deadline: Date,
        failures: inout [LLMError]
    ) async throws -> LLMResponse? {
        let policy = configuration.retry
        var attempt = 0
        while attempt < policy.maxAttemptsPerProvider {
            attempt += 1
            if clock.now >= deadline {
                failures.append(LLMError(.deadlineExceeded, "the request's deadline passed", provider: provider.name))
                return nil
            }
            if breaker.permit(at: clock.now) == .rejected {
                failures.append(LLMError(.circuitOpen, "the circuit breaker is open", provider: provider.name))
                return nil
            }
            let outcome = await call(provider, request: request, deadline: deadline)
            try Task.checkCancellation()
            switch outcome {
            case .success(let response):
                breaker.recordSuccess()
                guard let output = request.structuredOutput, response.toolCalls.isEmpty else { return response }
                if let checked = checkStructured(response, output: output, provider: provider.name, failures: &failures) {
                    return checked
                }
                if let repaired = try await repair(
                    provider, breaker: breaker, request: request, previous: response,
                    deadline: deadline, failures: &failures)
                {
                    return repaired
                }
                return nil
            case .failure(let error):
                failures.append(error)
                logger.info("llm attempt failed", metadata: ["provider": "\(provider.name)", "error": "\(error)"])
                if error.code == .quotaExhausted {
                    breaker.trip(at: clock.now)
                    return nil
                }
                if error.countsAgainstProvider { breaker.recordFailure(at: clock.now) } else { breaker.recordSuccess() }
                guard error.isRetryableOnSameProvider, attempt < policy.maxAttemptsPerProvider else { return nil }
                let wait: Duration
                if let retryAfter = error.retryAfterSeconds {
                    guard retryAfter <= policy.maxDelay.seconds else { return nil }
                    wait = .fromSeconds(retryAfter)
                } else {
                    wait = policy.backoff(afterFailedAttempts: attempt, unit: random.nextUnit())
                }
                guard clock.now.addingTimeInterval(wait.seconds) < deadline else { return nil }
                try await clock.sleep(for: wait)
            }
        }
        return nil
    }

    /// One HTTP attempt, recorded whatever its outcome.
    func call(_ provider: any LLMProvider, request: LLMRequest, deadline: Date) async -> Result<LLMResponse, LLMError> {
        let started = clock.now
        let remaining = deadline.timeIntervalSince(started)
        let timeout = Duration.fromSeconds(min(request.timeout.seconds, max(0.001, remaining)))
        var result: Result<LLMResponse, LLMError>
        do {
            result = .success(try await provider.complete(request, timeout: timeout, now: started))
        } catch let error as LLMError {
            result = .failure(error)
        } catch {
            result = .failure(LLMError(.connection, "\(error)", provider: provider.name))
        }
        let latency = clock.now.timeIntervalSince(started) * 1000
        switch result {
        case .success(var response):
            let cost = configuration.prices.cost(model: response.model, usage: response.usage)
            response.costUSD = cost
            result = .success(response)
            await recorder.record(
                LLMUsageRecord(
                    tenant: request.tenant, feature: request.feature, provider: provider.name, model: response.model,
                    inputTokens: response.usage.input, outputTokens: response.usage.output, costUSD: cost, latencyMilliseconds: latency,
                    outcome: LLMUsageRecord.success, httpStatus: 200, startedAt: started))
        case .failure(let error):
            await recorder.record(
                LLMUsageRecord(
                    tenant: request.tenant, feature: request.feature, provider: provider.name, model: provider.model,
                    inputTokens: 0, outputTokens: 0, costUSD: 0, latencyMilliseconds: latency, outcome: error.code.rawValue,
                    httpStatus: error.status, startedAt: started))
        }
        return result
    }

    /// The response with its parsed JSON when it satisfies the schema; nil (after noting why) when it does not.
    func checkStructured(
        _ response: LLMResponse, output: StructuredOutput, provider: String,
        failures: inout [LLMError]
    ) -> LLMResponse? {
        guard let value = response.json ?? (try? JSONValue.parseAnswer(response.text)) else {
            failures.append(LLMError(.schemaViolation, "the answer is not JSON", provider: provider))
            return nil
        }
        let violations = JSONSchemaValidator.violations(of: value, against: output.schema)
        guard violations.isEmpty else {
            let listed = violations.prefix(5).map(\.description).joined(separator: "; ")
            failures.append(LLMError(.schemaViolation, "the answer does not satisfy the schema: \(listed)", provider: provider))
            return nil
        }
        var checked = response
        checked.json = value
        checked.text = value.jsonString
        return checked
    }

    /// The one repair attempt: the answer and what is wrong with it go back to the same provider.
    func repair(
        _ provider: any LLMProvider, breaker: CircuitBreaker, request: LLMRequest, previous: LLMResponse, deadline: Date,
        failures: inout [LLMError]
    ) async throws -> LLMResponse? {
        guard let output = request.structuredOutput, clock.now < deadline, breaker.permit(at: clock.now) != .rejected else {
            return nil
        }
        let problem = failures.last?.message ?? "the answer does not satisfy the schema"
        var repairRequest = request
        repairRequest.messages.append(.assistant(previous.text))
        repairRequest.messages.append(
            .user(
                "Your previous answer is not valid: \(problem). Reply again with only a JSON value satisfying this JSON Schema: "
                    + output.schema.jsonString))
        switch await call(provider, request: repairRequest, deadline: deadline) {
        case .success(var response):
            breaker.recordSuccess()
            response.costUSD += previous.costUSD
            return checkStructured(response, output: output, provider: provider.name, failures: &failures)
        case .failure(let error):
            failures.append(error)
            if error.countsAgainstProvider { breaker.recordFailure(at: clock.now) }
            return nil
        }
    }
}
