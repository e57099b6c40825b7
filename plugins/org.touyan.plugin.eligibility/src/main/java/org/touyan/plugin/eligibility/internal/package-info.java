/** The default eligibility rule set; private to this plugin bundle. */
package org.touyan.plugin.eligibility.internal;
