# crossread_sanitize(target): ASan + UBSan when CROSSREAD_SANITIZE is on.
function(crossread_sanitize target)
  if(CROSSREAD_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined
      -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()
