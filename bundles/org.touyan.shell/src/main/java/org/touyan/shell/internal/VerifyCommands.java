package org.touyan.shell.internal;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.registry.Archive;
import org.touyan.api.registry.ArchiveVerification;
import org.touyan.api.security.AuditLog;

/** The hash-chain checks at the shell: the audit log's, and one person's archive. */
@Component(service = VerifyCommands.class)
@GogoCommand(scope = "touyan", function = { "auditverify", "archiveverify" })
public class VerifyCommands {

	private final AuditLog audit;
	private final Archive archive;

	@Activate
	public VerifyCommands(@Reference AuditLog audit, @Reference Archive archive) {
		this.audit = audit;
		this.archive = archive;
	}

	@Descriptor("校验审计日志的哈希链 (verifies the audit log's hash chain)")
	public String auditverify() {
		AuditLog.Verification v = audit.verify();
		if (v.intact()) {
			return "审计日志哈希链完整：" + v.entries() + " 条记录均校验通过 (the audit chain verifies: " + v.entries() + " entries)";
		}
		return "审计日志哈希链已断开：自第 " + v.firstBroken() + " 条起不符，此前 " + v.entries() + " 条校验通过 (the audit chain is BROKEN at entry "
				+ v.firstBroken() + "; " + v.entries() + " entries before it verify)";
	}

	@Descriptor("校验一名人员档案的哈希链 (verifies one person's archive chain)")
	public String archiveverify(@Descriptor("人员 id the person's id") String personId) {
		ArchiveVerification v;
		try {
			v = archive.verify(personId);
		} catch (RuntimeException e) {
			return "失败 failed: " + Outcome.reason(e);
		}
		if (v.intact()) {
			return "人员 " + v.personId() + " 的档案哈希链完整：" + v.entries() + " 条记录均校验通过 (the archive of " + v.personId()
					+ " verifies: " + v.entries() + " entries)";
		}
		return "人员 " + v.personId() + " 的档案哈希链已断开：自第 " + v.firstBrokenSeq() + " 条起不符 (the archive of " + v.personId()
				+ " is BROKEN at entry " + v.firstBrokenSeq() + ")" + (v.problem() == null ? "" : "\n原因 problem: " + v.problem());
	}
}
