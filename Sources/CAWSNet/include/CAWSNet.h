// libcurl and libxml2 for the aws backend, loaded with dlopen on first use.
//
// bgsh starts on the simulator, which needs neither library; linking them would cost every
// start-up the loading of ~35 shared objects (measured: +4.5 ms for libcurl through
// FoundationNetworking, +1.5 ms for libxml2 through FoundationXML). So nothing here is linked:
// each function pointer is looked up once, when the aws backend makes its first request.
#ifndef CAWSNET_H
#define CAWSNET_H

#include <stddef.h>
#include <stdint.h>

/// Loads libcurl (libcurl.so.4). Returns 0, or -1 with a message in `err`.
int bgsh_curl_load(char *err, size_t errlen);
/// Loads libxml2 (libxml2.so.2). Returns 0, or -1 with a message in `err`.
int bgsh_xml_load(char *err, size_t errlen);

/// A growable byte buffer that libcurl's callbacks write into.
typedef struct bgsh_buffer {
    uint8_t *data;
    size_t length;
    size_t capacity;
} bgsh_buffer;
/// Frees a buffer's bytes (the struct itself is the caller's).
void bgsh_buffer_free(bgsh_buffer *buffer);

/// One HTTP connection cache: a curl multi handle and its easy handle, reused across requests
/// so connections are kept alive.
typedef struct bgsh_http bgsh_http;
/// Makes one (after bgsh_curl_load). NULL when libcurl cannot.
bgsh_http *bgsh_http_new(void);
/// Closes its connections and frees it.
void bgsh_http_free(bgsh_http *http);

/// Asked every 20 ms while a request is in flight; nonzero cancels it at once.
typedef int (*bgsh_cancel_fn)(void *context);

/// What became of a request.
enum {
    BGSH_HTTP_OK = 0,          // an answer came (any status)
    BGSH_HTTP_CANCELLED = 1,   // the cancel function said so
    BGSH_HTTP_TIMEOUT = 2,     // connect or total timeout
    BGSH_HTTP_CONNECT = 3,     // could not connect (refused, DNS)
    BGSH_HTTP_RESET = 4,       // the connection broke (reset, closed early, empty reply)
    BGSH_HTTP_TLS = 5,         // certificate or TLS failure
    BGSH_HTTP_OTHER = 6,
};

/// Sends one request and waits for the whole answer.
/// - headers: `Name: value` lines.
/// - cainfo: a CA bundle file (AWS_CA_BUNDLE) or NULL for the system's.
/// - fresh_connection: nonzero for a request that must not be sent twice: libcurl resends a
///   request by itself when a reused connection dies before answering, so it gets a new one.
/// - status, body, response_headers: the answer (header lines as received, CRLF-separated).
/// Returns one of the BGSH_HTTP_ codes; `err` says more for the others.
int bgsh_http_perform(bgsh_http *http, const char *method, const char *url,
                      const char *const *headers, int header_count,
                      const uint8_t *body, size_t body_length,
                      long timeout_ms, long connect_timeout_ms, const char *cainfo, int fresh_connection,
                      bgsh_cancel_fn cancel, void *cancel_context,
                      long *status, bgsh_buffer *response_body, bgsh_buffer *response_headers,
                      char *err, size_t errlen);

/// A pull parser over an XML document in memory (libxml2's xmlTextReader), with no network
/// access and no entity expansion.
typedef struct bgsh_xml bgsh_xml;
bgsh_xml *bgsh_xml_open(const char *bytes, int length);
/// 1 moved to the next node, 0 the end, -1 malformed.
int bgsh_xml_next(bgsh_xml *reader);
/// 1 element start, 2 attribute, 3 text, 4 CDATA, 14/13 white space, 15 element end.
int bgsh_xml_node_type(bgsh_xml *reader);
/// The node's local name (no prefix), or NULL.
const char *bgsh_xml_local_name(bgsh_xml *reader);
/// A text node's value, or NULL.
const char *bgsh_xml_value(bgsh_xml *reader);
/// 1 for `<a/>`.
int bgsh_xml_is_empty(bgsh_xml *reader);
void bgsh_xml_close(bgsh_xml *reader);

#endif
