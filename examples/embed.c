/* embed.c -- libcrossread from C: digest the files named on the command line
 * and print the digest as Markdown. Build: cc embed.c $(pkg-config --cflags
 * --libs crossread) */
#include <crossread.h>
#include <stdio.h>

int main(int argc, char **argv) {
  crossread_engine *eng = crossread_engine_new(0);
  if (!eng)
    return 3;
  for (int i = 1; i < argc; i++) {
    crossread_error err;
    if (crossread_feed_path(eng, argv[i], CROSSREAD_IN_AUTO, &err) != CROSSREAD_OK)
      fprintf(stderr, "%s: %s\n", err.source, err.msg);
  }
  char *md = NULL;
  if (crossread_finish(eng, NULL) == CROSSREAD_OK &&
      crossread_render(eng, CROSSREAD_FORMAT_MARKDOWN, &md, NULL, NULL) == CROSSREAD_OK)
    fputs(md, stdout);
  crossread_free(md);
  crossread_engine_free(eng);
  return md ? 0 : 1;
}
