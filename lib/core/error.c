/* error.c -- error text and filling (see error.h). */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *crossread_strerror(crossread_status code) {
  switch (code) {
  case CROSSREAD_OK: return "no error";
  case CROSSREAD_ERR_NOMEM: return "out of memory";
  case CROSSREAD_ERR_IO: return "input/output error";
  case CROSSREAD_ERR_PARSE: return "cannot parse input";
  case CROSSREAD_ERR_ENCODING: return "not text in a known encoding";
  case CROSSREAD_ERR_TOOBIG: return "input too big";
  case CROSSREAD_ERR_EMPTY: return "no article text";
  case CROSSREAD_ERR_STORE: return "store error";
  case CROSSREAD_ERR_USAGE: return "bad argument";
  }
  return "unknown error";
}

void cr_error_clear(crossread_error *err) {
  if (err)
    memset(err, 0, sizeof *err);
}

crossread_status cr_error_set(crossread_error *err, crossread_status code,
                              const char *source, const char *fmt, ...) {
  if (!err)
    return code;
  err->code = code;
  snprintf(err->source, sizeof err->source, "%s", source ? source : "");
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err->msg, sizeof err->msg, fmt, ap);
  va_end(ap);
  /* one line: no newline may reach the CLI's error line */
  for (char *p = err->msg; *p; p++)
    if (*p == '\n' || *p == '\r')
      *p = ' ';
  for (char *p = err->source; *p; p++)
    if (*p == '\n' || *p == '\r')
      *p = '?';
  return code;
}
