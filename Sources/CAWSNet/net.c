#include "CAWSNet.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// ---- libcurl: the few entry points and constants used, from its stable ABI (curl.h) ----

typedef void CURL;
typedef void CURLM;
struct curl_slist;
typedef int CURLcode;
typedef int CURLMcode;
typedef struct { int msg; CURL *easy_handle; union { void *whatever; CURLcode result; } data; } CURLMsg;

enum {
    OPT_LONG = 0, OPT_OBJECTPOINT = 10000, OPT_FUNCTIONPOINT = 20000,
    CURLOPT_WRITEDATA = OPT_OBJECTPOINT + 1,
    CURLOPT_URL = OPT_OBJECTPOINT + 2,
    CURLOPT_ERRORBUFFER = OPT_OBJECTPOINT + 10,
    CURLOPT_WRITEFUNCTION = OPT_FUNCTIONPOINT + 11,
    CURLOPT_POSTFIELDS = OPT_OBJECTPOINT + 15,
    CURLOPT_HTTPHEADER = OPT_OBJECTPOINT + 23,
    CURLOPT_HEADERDATA = OPT_OBJECTPOINT + 29,
    CURLOPT_CUSTOMREQUEST = OPT_OBJECTPOINT + 36,
    CURLOPT_NOBODY = OPT_LONG + 44,
    CURLOPT_POST = OPT_LONG + 47,
    CURLOPT_POSTFIELDSIZE = OPT_LONG + 60,
    CURLOPT_FRESH_CONNECT = OPT_LONG + 74,
    CURLOPT_CAINFO = OPT_OBJECTPOINT + 65,
    CURLOPT_HEADERFUNCTION = OPT_FUNCTIONPOINT + 79,
    CURLOPT_HTTPGET = OPT_LONG + 80,
    CURLOPT_NOSIGNAL = OPT_LONG + 99,
    CURLOPT_TIMEOUT_MS = OPT_LONG + 155,
    CURLOPT_CONNECTTIMEOUT_MS = OPT_LONG + 156,
    CURLOPT_PROTOCOLS_STR = OPT_OBJECTPOINT + 318,
    CURLOPT_REDIR_PROTOCOLS_STR = OPT_OBJECTPOINT + 319,
    CURLINFO_LONG = 0x200000,
    CURLINFO_RESPONSE_CODE = CURLINFO_LONG + 2,
    CURLMSG_DONE = 1,
    CURLE_OK = 0, CURLE_UNSUPPORTED_PROTOCOL = 1, CURLE_COULDNT_RESOLVE_PROXY = 5, CURLE_COULDNT_RESOLVE_HOST = 6,
    CURLE_COULDNT_CONNECT = 7, CURLE_WEIRD_SERVER_REPLY = 8, CURLE_PARTIAL_FILE = 18, CURLE_OPERATION_TIMEDOUT = 28,
    CURLE_SSL_CONNECT_ERROR = 35, CURLE_GOT_NOTHING = 52, CURLE_SEND_ERROR = 55, CURLE_RECV_ERROR = 56,
    CURLE_PEER_FAILED_VERIFICATION = 60, CURLE_SSL_CACERT_BADFILE = 77,
    CURL_GLOBAL_DEFAULT = 3,
    CURL_ERROR_SIZE = 256,
};

static struct {
    void *lib;
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    CURLcode (*easy_setopt)(CURL *, int, ...);
    CURLcode (*easy_getinfo)(CURL *, int, ...);
    void (*easy_reset)(CURL *);
    void (*easy_cleanup)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
    CURLM *(*multi_init)(void);
    CURLMcode (*multi_add_handle)(CURLM *, CURL *);
    CURLMcode (*multi_remove_handle)(CURLM *, CURL *);
    CURLMcode (*multi_perform)(CURLM *, int *);
    CURLMcode (*multi_poll)(CURLM *, void *, unsigned int, int, int *);
    CURLMsg *(*multi_info_read)(CURLM *, int *);
    CURLMcode (*multi_cleanup)(CURLM *);
} curl;

static pthread_mutex_t load_lock = PTHREAD_MUTEX_INITIALIZER;

static void *lookup(void *lib, const char *name, int *missing) {
    void *p = dlsym(lib, name);
    if (!p) *missing = 1;
    return p;
}

int bgsh_curl_load(char *err, size_t errlen) {
    pthread_mutex_lock(&load_lock);
    if (curl.lib) { pthread_mutex_unlock(&load_lock); return 0; }
    void *lib = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        snprintf(err, errlen, "cannot load libcurl (libcurl.so.4): %s; install it with apt-get install libcurl4", dlerror());
        pthread_mutex_unlock(&load_lock);
        return -1;
    }
    int missing = 0;
    curl.global_init = lookup(lib, "curl_global_init", &missing);
    curl.easy_init = lookup(lib, "curl_easy_init", &missing);
    curl.easy_setopt = lookup(lib, "curl_easy_setopt", &missing);
    curl.easy_getinfo = lookup(lib, "curl_easy_getinfo", &missing);
    curl.easy_reset = lookup(lib, "curl_easy_reset", &missing);
    curl.easy_cleanup = lookup(lib, "curl_easy_cleanup", &missing);
    curl.easy_strerror = lookup(lib, "curl_easy_strerror", &missing);
    curl.slist_append = lookup(lib, "curl_slist_append", &missing);
    curl.slist_free_all = lookup(lib, "curl_slist_free_all", &missing);
    curl.multi_init = lookup(lib, "curl_multi_init", &missing);
    curl.multi_add_handle = lookup(lib, "curl_multi_add_handle", &missing);
    curl.multi_remove_handle = lookup(lib, "curl_multi_remove_handle", &missing);
    curl.multi_perform = lookup(lib, "curl_multi_perform", &missing);
    curl.multi_poll = lookup(lib, "curl_multi_poll", &missing);
    curl.multi_info_read = lookup(lib, "curl_multi_info_read", &missing);
    curl.multi_cleanup = lookup(lib, "curl_multi_cleanup", &missing);
    if (missing) {
        snprintf(err, errlen, "libcurl.so.4 is too old (curl_multi_poll needs 7.66 or later)");
        dlclose(lib);
        pthread_mutex_unlock(&load_lock);
        return -1;
    }
    curl.global_init(CURL_GLOBAL_DEFAULT);
    curl.lib = lib;
    pthread_mutex_unlock(&load_lock);
    return 0;
}

void bgsh_buffer_free(bgsh_buffer *buffer) {
    free(buffer->data);
    buffer->data = NULL;
    buffer->length = buffer->capacity = 0;
}

static size_t append(char *ptr, size_t size, size_t count, void *userdata) {
    bgsh_buffer *b = userdata;
    size_t n = size * count;
    if (b->length + n > b->capacity) {
        size_t cap = b->capacity ? b->capacity : 4096;
        while (cap < b->length + n) cap *= 2;
        uint8_t *grown = realloc(b->data, cap);
        if (!grown) return 0;  // tells libcurl to stop: the request fails, nothing is lost silently
        b->data = grown;
        b->capacity = cap;
    }
    memcpy(b->data + b->length, ptr, n);
    b->length += n;
    return n;
}

struct bgsh_http {
    CURLM *multi;
    CURL *easy;
};

bgsh_http *bgsh_http_new(void) {
    if (!curl.lib) return NULL;
    bgsh_http *h = calloc(1, sizeof *h);
    if (!h) return NULL;
    h->multi = curl.multi_init();
    h->easy = curl.easy_init();
    if (!h->multi || !h->easy) {
        if (h->easy) curl.easy_cleanup(h->easy);
        if (h->multi) curl.multi_cleanup(h->multi);
        free(h);
        return NULL;
    }
    return h;
}

void bgsh_http_free(bgsh_http *h) {
    if (!h) return;
    curl.easy_cleanup(h->easy);
    curl.multi_cleanup(h->multi);
    free(h);
}

static int classify(CURLcode code) {
    switch (code) {
    case CURLE_OK: return BGSH_HTTP_OK;
    case CURLE_OPERATION_TIMEDOUT: return BGSH_HTTP_TIMEOUT;
    case CURLE_COULDNT_CONNECT: case CURLE_COULDNT_RESOLVE_HOST: case CURLE_COULDNT_RESOLVE_PROXY: return BGSH_HTTP_CONNECT;
    case CURLE_GOT_NOTHING: case CURLE_SEND_ERROR: case CURLE_RECV_ERROR: case CURLE_PARTIAL_FILE:
    case CURLE_WEIRD_SERVER_REPLY: return BGSH_HTTP_RESET;
    case CURLE_SSL_CONNECT_ERROR: case CURLE_PEER_FAILED_VERIFICATION: case CURLE_SSL_CACERT_BADFILE: return BGSH_HTTP_TLS;
    default: return BGSH_HTTP_OTHER;
    }
}

int bgsh_http_perform(bgsh_http *h, const char *method, const char *url,
                      const char *const *headers, int header_count,
                      const uint8_t *body, size_t body_length,
                      long timeout_ms, long connect_timeout_ms, const char *cainfo, int fresh_connection,
                      bgsh_cancel_fn cancel, void *cancel_context,
                      long *status, bgsh_buffer *response_body, bgsh_buffer *response_headers,
                      char *err, size_t errlen) {
    char curl_error[CURL_ERROR_SIZE];
    curl_error[0] = 0;
    CURL *e = h->easy;
    // A reset keeps the connection cache (it lives in the multi handle) but drops every option.
    curl.easy_reset(e);
    struct curl_slist *list = NULL;
    // libcurl would add `Expect: 100-continue` to large POSTs: a round trip AWS does not need.
    list = curl.slist_append(list, "Expect:");
    for (int i = 0; i < header_count; i++) list = curl.slist_append(list, headers[i]);
    curl.easy_setopt(e, CURLOPT_URL, url);
    curl.easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl.easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl.easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "https");
    curl.easy_setopt(e, CURLOPT_ERRORBUFFER, curl_error);
    curl.easy_setopt(e, CURLOPT_HTTPHEADER, list);
    curl.easy_setopt(e, CURLOPT_WRITEFUNCTION, append);
    curl.easy_setopt(e, CURLOPT_WRITEDATA, response_body);
    curl.easy_setopt(e, CURLOPT_HEADERFUNCTION, append);
    curl.easy_setopt(e, CURLOPT_HEADERDATA, response_headers);
    curl.easy_setopt(e, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl.easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, connect_timeout_ms);
    if (cainfo) curl.easy_setopt(e, CURLOPT_CAINFO, cainfo);
    // libcurl sends a request again by itself when a reused connection dies before any answer;
    // a request that must not happen twice goes on a connection of its own, where it never does.
    if (fresh_connection) curl.easy_setopt(e, CURLOPT_FRESH_CONNECT, 1L);
    if (strcmp(method, "GET") == 0) {
        curl.easy_setopt(e, CURLOPT_HTTPGET, 1L);
    } else if (strcmp(method, "POST") == 0) {
        curl.easy_setopt(e, CURLOPT_POST, 1L);
        curl.easy_setopt(e, CURLOPT_POSTFIELDSIZE, (long)body_length);
        curl.easy_setopt(e, CURLOPT_POSTFIELDS, body_length ? (const char *)body : "");
    } else {
        curl.easy_setopt(e, CURLOPT_CUSTOMREQUEST, method);
        if (body_length) {
            curl.easy_setopt(e, CURLOPT_POSTFIELDSIZE, (long)body_length);
            curl.easy_setopt(e, CURLOPT_POSTFIELDS, (const char *)body);
        }
    }

    curl.multi_add_handle(h->multi, e);
    int result = -1;
    int running = 1;
    while (result < 0) {
        if (cancel && cancel(cancel_context)) { result = BGSH_HTTP_CANCELLED; break; }
        if (curl.multi_perform(h->multi, &running) != 0) { result = BGSH_HTTP_OTHER; snprintf(curl_error, sizeof curl_error, "curl_multi_perform failed"); break; }
        int queued = 0;
        CURLMsg *msg;
        while ((msg = curl.multi_info_read(h->multi, &queued))) {
            if (msg->msg == CURLMSG_DONE && msg->easy_handle == e) {
                result = classify(msg->data.result);
                if (result != BGSH_HTTP_OK && !curl_error[0]) snprintf(curl_error, sizeof curl_error, "%s", curl.easy_strerror(msg->data.result));
            }
        }
        if (result >= 0) break;
        // 20 ms at most between looks at the cancel function: Ctrl-C answers at once.
        curl.multi_poll(h->multi, NULL, 0, 20, NULL);
    }
    *status = 0;
    if (result == BGSH_HTTP_OK) curl.easy_getinfo(e, CURLINFO_RESPONSE_CODE, status);
    curl.multi_remove_handle(h->multi, e);
    curl.easy_setopt(e, CURLOPT_HTTPHEADER, NULL);
    curl.slist_free_all(list);
    if (result != BGSH_HTTP_OK) snprintf(err, errlen, "%s", result == BGSH_HTTP_CANCELLED ? "cancelled" : curl_error);
    return result;
}

// ---- libxml2's xmlTextReader ----

static struct {
    void *lib;
    void *(*reader_for_memory)(const char *, int, const char *, const char *, int);
    int (*read)(void *);
    int (*node_type)(void *);
    const unsigned char *(*local_name)(void *);
    const unsigned char *(*value)(void *);
    int (*is_empty)(void *);
    void (*free_reader)(void *);
    void (*set_generic_error)(void *, void *);
} xml;

static void quiet(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }

int bgsh_xml_load(char *err, size_t errlen) {
    pthread_mutex_lock(&load_lock);
    if (xml.lib) { pthread_mutex_unlock(&load_lock); return 0; }
    void *lib = dlopen("libxml2.so.2", RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        snprintf(err, errlen, "cannot load libxml2 (libxml2.so.2): %s; install it with apt-get install libxml2", dlerror());
        pthread_mutex_unlock(&load_lock);
        return -1;
    }
    int missing = 0;
    xml.reader_for_memory = lookup(lib, "xmlReaderForMemory", &missing);
    xml.read = lookup(lib, "xmlTextReaderRead", &missing);
    xml.node_type = lookup(lib, "xmlTextReaderNodeType", &missing);
    xml.local_name = lookup(lib, "xmlTextReaderConstLocalName", &missing);
    xml.value = lookup(lib, "xmlTextReaderConstValue", &missing);
    xml.is_empty = lookup(lib, "xmlTextReaderIsEmptyElement", &missing);
    xml.free_reader = lookup(lib, "xmlFreeTextReader", &missing);
    xml.set_generic_error = lookup(lib, "xmlSetGenericErrorFunc", &missing);
    if (missing) {
        snprintf(err, errlen, "libxml2.so.2 lacks the xmlTextReader API");
        dlclose(lib);
        pthread_mutex_unlock(&load_lock);
        return -1;
    }
    // Malformed answers are reported by bgsh, not printed by libxml2 on stderr.
    xml.set_generic_error(NULL, (void *)quiet);
    xml.lib = lib;
    pthread_mutex_unlock(&load_lock);
    return 0;
}

enum { XML_PARSE_NONET = 1 << 11, XML_PARSE_NOCDATA = 1 << 14 };

bgsh_xml *bgsh_xml_open(const char *bytes, int length) {
    if (!xml.lib) return NULL;
    // No network, no DTD loading, entities left unexpanded (no XXE): AWS's XML has none.
    return xml.reader_for_memory(bytes, length, NULL, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOCDATA);
}
int bgsh_xml_next(bgsh_xml *r) { return xml.read(r); }
int bgsh_xml_node_type(bgsh_xml *r) { return xml.node_type(r); }
const char *bgsh_xml_local_name(bgsh_xml *r) { return (const char *)xml.local_name(r); }
const char *bgsh_xml_value(bgsh_xml *r) { return (const char *)xml.value(r); }
int bgsh_xml_is_empty(bgsh_xml *r) { return xml.is_empty(r); }
void bgsh_xml_close(bgsh_xml *r) { if (r) xml.free_reader(r); }
