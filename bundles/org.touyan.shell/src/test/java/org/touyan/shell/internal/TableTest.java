package org.touyan.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TableTest {

	@Test
	void chineseTakesTwoColumnsSoColumnsLineUp() {
		String table = new Table("登录名 login", "角色 role").row("admin", "组织部管理员").row("zhang.san", null).toString();
		String[] lines = table.split("\n");
		assertEquals(4, lines.length);
		assertEquals("登录名 login  角色 role", lines[0]);
		assertEquals("------------  ------------", lines[1]);
		assertEquals("admin         组织部管理员", lines[2]);
		assertEquals("zhang.san     -", lines[3]);
	}

	@Test
	void widthCountsWideCharactersTwice() {
		assertEquals(4, Table.width("ab"  + "c" + "d"));
		assertEquals(6, Table.width("组织部"));
		assertEquals(5, Table.width("组织a"));
	}

	@Test
	void aCellIsOneLine() {
		assertEquals("a  b c", new Table("x", "y").row("a", "b\nc").toString().split("\n")[2]);
	}

	@Test
	void aRowHasOneCellPerHeading() {
		assertThrows(IllegalArgumentException.class, () -> new Table("a", "b").row("only one"));
	}
}
