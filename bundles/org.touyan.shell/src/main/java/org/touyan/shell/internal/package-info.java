/** The operator shell's commands and its loopback server; nothing here is exported. */
package org.touyan.shell.internal;
