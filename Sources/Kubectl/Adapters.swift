import KubeAPI

// The seams between kubectl's commands and the template printers.

/// A printer failure with what kubectl had already written to stdout (go-template prints
/// its partial output and a debugging dump before the error).
struct PrinterFailure: Error {
    let stdout: String
    let stderr: String
}

extension Kubectl {
    func runJSONPath(_ template: String, _ data: JSONValue) throws -> String {
        do {
            return try JSONPath(template).execute(data)
        } catch let e as PrinterError {
            throw PrinterFailure(stdout: e.stdout, stderr: e.stderr)
        }
    }

    func runGoTemplate(_ template: String, _ data: JSONValue) throws -> String {
        do {
            return try GoTemplate(template).execute(data)
        } catch let e as PrinterError {
            throw PrinterFailure(stdout: e.stdout, stderr: e.stderr)
        }
    }
}
