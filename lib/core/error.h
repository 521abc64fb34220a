/* error.h -- filling crossread_error (public type) from inside the library. */
#ifndef CR_CORE_ERROR_H
#define CR_CORE_ERROR_H

#include "crossread.h"

/* Set *err (may be NULL) and return code. msg is printf-style, one line. */
crossread_status cr_error_set(crossread_error *err, crossread_status code,
                              const char *source, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
void cr_error_clear(crossread_error *err);

#endif
