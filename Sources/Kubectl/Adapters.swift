import KubeAPI

// The seams between kubectl's commands and the printing/patching engines.

extension Kubectl {
    func runJSONPath(_ template: String, _ data: JSONValue) throws -> String {
        do {
            return try JSONPath(template).execute(data)
        } catch let e as PrinterError {
            throw RawError(text: e.message.hasSuffix("\n") ? e.message : e.message + "\n")
        }
    }

    func runGoTemplate(_ template: String, _ data: JSONValue) throws -> String {
        do {
            return try GoTemplate(template).execute(data)
        } catch let e as PrinterError {
            throw RawError(text: e.message.hasSuffix("\n") ? e.message : e.message + "\n")
        }
    }
}
